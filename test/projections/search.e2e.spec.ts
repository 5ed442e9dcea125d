import { issueNationalId } from '../../src/domain/shared/national-id';
import { newEventId } from '../../src/event-store/event-id';
import { startTestApp, type TestApp } from '../support/test-app';
import { expectProblem, purpose } from './person-reads';
import { annulEnrolment, enrolmentEventId, enrolNamed } from './search-people';

describe('GET /v1/persons (search)', () => {
  let t: TestApp;
  const ids: Record<string, string> = {};
  const khadija = { given: 'خديجة', father: 'عمر', family: 'المسماري' };

  const search = (query: Record<string, string>, as = 'registrar', headers: Record<string, string> = purpose) =>
    t.request('GET', `/v1/persons?${new URLSearchParams(query)}`, { as, headers });
  const found = async (query: Record<string, string>) => {
    const response = await search(query);
    expect(response.status).toBe(200);
    return (response.body.results as Array<{ nationalId: string }>).map((result) => result.nationalId);
  };

  beforeAll(async () => {
    t = await startTestApp();
    ids.a = await enrolNamed(t, {
      name: { given: 'أحمد', father: 'عبد الله', grandfather: 'مصطفى', family: 'الورفلي', latin: 'Ahmed Abdullah Mustafa Al-Warfalli' },
      dateOfBirth: '1961',
      motherName: khadija,
    });
    ids.b = await enrolNamed(t, { name: { given: 'أحمد', father: 'عبد الله', grandfather: 'سالم', family: 'الورفلي' }, dateOfBirth: '1961-03-05', motherName: { given: 'فاطمة', family: 'العبيدي' } });
    ids.c = await enrolNamed(t, { name: { given: 'احمد', father: 'عبدالله', grandfather: 'مصطفي', family: 'الورفلى' }, dateOfBirth: '1975-01-01', motherName: { given: 'خديجه', family: 'المسماري' } });
    ids.d = await enrolNamed(t, { name: { given: 'إحمد', father: 'علي', grandfather: 'حسن', family: 'عبد الله' }, dateOfBirth: '1980-02-02' });
    ids.e = await enrolNamed(t, { name: { given: 'حمزة', father: 'موسى', grandfather: 'عيسى', family: 'الزبائري' }, dateOfBirth: '1990-09-09' });
  });
  afterAll(() => t.close());

  describe('normalised matching (DOMAIN.md, "Name matching")', () => {
    it('finds every spelling of a name: hamza forms, diacritics, tatweel, "عبد" compounds, spaces', async () => {
      const all = [ids.a, ids.b, ids.c, ids.d].sort();
      expect((await found({ name: 'أَحْمَد عَبْدُ الله' })).sort()).toEqual(all);
      expect((await found({ name: 'احـــمد   عبدالله' })).sort()).toEqual(all);
      expect((await found({ name: 'آحمد عبد الله' })).sort()).toEqual(all);
    });

    it('folds taa marbuta, alef maqsura and yaa with hamza', async () => {
      expect(await found({ name: 'حمزه موسي عيسي الزبايري' })).toEqual([ids.e]);
      expect(await found({ name: 'حمزة الزبائرى' })).toEqual([ids.e]);
    });

    it('matches a Latin transliteration case-insensitively', async () => {
      expect(await found({ name: 'AHMED al-warfalli' })).toEqual([ids.a]);
      expect(await found({ name: 'ahmed abdullah' })).toEqual([ids.a]);
    });

    it('needs every word typed, in order from the given name', async () => {
      expect(await found({ name: 'عبد الله الورفلي' })).toEqual([]);
      expect(await found({ name: 'الورفلي احمد' })).toEqual([]);
    });
  });

  describe('narrowing', () => {
    it('by birth year: a date known only to the year matches that year; Arabic-Indic digits read alike', async () => {
      expect((await found({ name: 'احمد عبدالله', birthYear: '1961' })).sort()).toEqual([ids.a, ids.b].sort());
      expect((await found({ name: 'احمد عبدالله', birthYear: '١٩٦١' })).sort()).toEqual([ids.a, ids.b].sort());
      expect(await found({ name: 'احمد عبدالله', birthYear: '1975' })).toEqual([ids.c]);
    });

    it('by the mother’s name, her whole name ranking first', async () => {
      const response = await search({ name: 'احمد الورفلي', motherName: 'خديجة عمر المسماري' });
      expect(response.body.results.map((r: { nationalId: string }) => r.nationalId)).toEqual([ids.a]);
      const loose = await search({ name: 'احمد الورفلي', motherName: 'خديجه المسماري' });
      expect(loose.body.results).toEqual([
        expect.objectContaining({ nationalId: ids.c, score: 75, matched: ['given', 'family', 'motherName'] }),
        expect.objectContaining({ nationalId: ids.a, score: 70, matched: ['given', 'family', 'motherName'] }),
      ]);
    });
  });

  describe('ranking and pages', () => {
    /** A and C have the same four-part name in matching form: the national ID orders them. */
    const sameName = () => [ids.a!, ids.c!].sort();

    it('ranks a whole four-part name first, then the family name, then the father', async () => {
      const response = await search({ name: 'احمد عبد الله' });
      expect(response.body.total).toBe(4);
      expect(response.body.results.map((r: { nationalId: string; score: number }) => [r.nationalId, r.score])).toEqual([
        [ids.d, 65],
        [ids.b, 55],
        ...sameName().map((id) => [id, 55]),
      ]);
      const whole = await search({ name: 'أحمد عبد الله مصطفى الورفلي' });
      expect(whole.body.results.map((r: { nationalId: string; score: number; matched: string[] }) => [r.nationalId, r.score, r.matched.length])).toEqual(sameName().map((id) => [id, 100, 4]));
    });

    it('shows identity summaries', async () => {
      const response = await search({ name: 'احمد عبدالله مصطفى الورفلي', birthYear: '1961' });
      expect(response.body).toEqual({
        total: 1,
        page: 1,
        pageSize: 20,
        results: [
          {
            nationalId: ids.a,
            name: { given: 'أحمد', father: 'عبد الله', grandfather: 'مصطفى', family: 'الورفلي', latin: 'Ahmed Abdullah Mustafa Al-Warfalli' },
            sex: 'M',
            dateOfBirth: '1961',
            placeOfBirth: 'LY-BA-01',
            motherName: khadija,
            status: 'alive',
            score: 100,
            matched: ['given', 'father', 'grandfather', 'family'],
          },
        ],
      });
    });

    it('pages through the ranked results with the total on every page', async () => {
      const first = await search({ name: 'احمد عبد الله', pageSize: '3' });
      const second = await search({ name: 'احمد عبد الله', pageSize: '3', page: '2' });
      const third = await search({ name: 'احمد عبد الله', pageSize: '3', page: '3' });
      expect([first.body.total, second.body.total, third.body.total]).toEqual([4, 4, 4]);
      expect(first.body.results.map((r: { nationalId: string }) => r.nationalId)).toEqual([ids.d, ids.b, sameName()[0]]);
      expect(second.body.results.map((r: { nationalId: string }) => r.nationalId)).toEqual([sameName()[1]]);
      expect(third.body.results).toEqual([]);
    });
  });

  it('answers a query with more candidates than it ranks by how many: 422 SEARCH.TOO_BROAD', async () => {
    // 501 namesakes, appended straight to the log: enrolling them one by one over HTTP adds nothing here.
    let seed = 7;
    const digit = () => (seed = (seed * 48271) % 2147483647) % 10;
    const writes = Array.from({ length: 501 }, (_, i) => {
      const nationalId = issueNationalId(digit);
      const data = {
        nationalId,
        name: { given: 'سليمان', father: 'موسى', grandfather: `ج${i}`, family: 'القماطي' },
        sex: 'M',
        dateOfBirth: '1970',
        placeOfBirth: 'LY-BA-01',
        nationality: 'LY',
        residency: 'citizen',
        source: { kind: 'legacy-register', reference: `register 9, page ${i}` },
      };
      return { streamId: `person-${nationalId}`, expectedRevision: 'no_stream' as const, events: [{ id: newEventId(), type: 'PersonEnrolled', data, metadata: { schemaVersion: 1 } }] };
    });
    await t.store.appendToStreams(writes);
    const response = await search({ name: 'سليمان موسى' });
    await expectProblem(response, 422);
    expect(response.body).toMatchObject({ type: 'urn:sijil:error:SEARCH.TOO_BROAD', candidates: 501, limit: 500 });
    expect((await search({ name: 'سليمان موسى ج7 القماطي' })).body.total).toBe(1);
  });

  describe('the index follows the log', () => {
    it('finds a person under a new name after a name change, and no longer under the old', async () => {
      // Born in the registrar's own area (LY-BA-03), so the name change is within jurisdiction.
      const nid = await enrolNamed(t, { name: { given: 'يوسف', father: 'صالح', grandfather: 'جمعة', family: 'الترهوني' }, dateOfBirth: '1985-01-01', placeOfBirth: 'LY-BA-03' });
      expect(await found({ name: 'يوسف الترهوني' })).toEqual([nid]);
      const change = await t.request('POST', `/v1/persons/${nid}/name-changes`, {
        body: { name: { given: 'يوسف', father: 'صالح', grandfather: 'جمعة', family: 'المصراتي' }, reason: 'family name', authorityReference: 'Benghazi court 2026/4', date: '2026-11-01' },
      });
      expect(change.status).toBe(201);
      expect(await found({ name: 'يوسف المصراتي' })).toEqual([nid]);
      expect(await found({ name: 'يوسف الترهوني' })).toEqual([]);
    });

    it('follows a corrected birth date', async () => {
      const nid = await enrolNamed(t, { name: { given: 'منصور', father: 'صالح', grandfather: 'جمعة', family: 'الترهوني' }, dateOfBirth: '1950' });
      const correction = await t.request('POST', `/v1/persons/${nid}/corrections`, {
        as: 'supervisor',
        body: {
          eventId: await enrolmentEventId(t, nid),
          changes: [{ field: 'dateOfBirth', to: '1952-04-04' }],
          reason: 'Transcription error',
          authorityReference: 'Civil status authority decision 2026/78',
          documents: ['Register scan'],
          date: '2026-11-01',
        },
      });
      expect(correction.status).toBe(201);
      expect(await found({ name: 'منصور الترهوني', birthYear: '1952' })).toEqual([nid]);
      expect(await found({ name: 'منصور الترهوني', birthYear: '1950' })).toEqual([]);
    });

    it('drops a person whose enrolment is annulled', async () => {
      const nid = await enrolNamed(t, { name: { given: 'رجب', father: 'صالح', grandfather: 'جمعة', family: 'الترهوني' }, dateOfBirth: '1960' });
      expect(await found({ name: 'رجب الترهوني' })).toEqual([nid]);
      await annulEnrolment(t, nid);
      expect(await found({ name: 'رجب الترهوني' })).toEqual([]);
    });
  });

  describe('who may search', () => {
    it('a registrar and a supervisor', async () => {
      expect((await search({ name: 'حمزة الزبائري' }, 'supervisor')).status).toBe(200);
    });

    it.each(['court', 'statistician', 'verifier', 'administrator'])('not a %s: 403', async (as) => {
      await expectProblem(await search({ name: 'حمزة الزبائري' }, as, { ...purpose, 'x-case-reference': 'c/1' }), 403);
    });

    it('no one without a credential: 401', async () => {
      await expectProblem(await search({ name: 'حمزة الزبائري' }, ''), 401);
    });
  });

  describe('bad parameters: 400 naming each', () => {
    it.each([
      [{}, 'name'],
      [{ name: 'احمد' }, 'name'],
      [{ name: '  ' }, 'name'],
      [{ name: 'احمد الورفلي', birthYear: '61' }, 'birthYear'],
      [{ name: 'احمد الورفلي', birthYear: 'abcd' }, 'birthYear'],
      [{ name: 'احمد الورفلي', page: '0' }, 'page'],
      [{ name: 'احمد الورفلي', pageSize: '101' }, 'pageSize'],
      [{ name: 'احمد الورفلي', pageSize: '2.5' }, 'pageSize'],
      [{ name: 'احمد الورفلي', birthyear: '1961' }, 'birthyear'],
      [{ name: 'احمد الورفلي', asOf: '2020-01-01' }, 'asOf'],
    ])('%j', async (query, field) => {
      await expectProblem(await search(query as Record<string, string>), 400, field);
    });

    it('a name given twice', async () => {
      await expectProblem(await t.request('GET', `/v1/persons?name=${encodeURIComponent('احمد الورفلي')}&name=x%20y`, { headers: purpose }), 400, 'name');
    });

    it('a search without a purpose', async () => {
      await expectProblem(await search({ name: 'احمد الورفلي' }, 'registrar', {}), 400, 'purpose');
      expect((await search({ name: 'احمد الورفلي', purpose: 'identify an applicant' }, 'registrar', {})).status).toBe(200);
    });
  });
});
