import type { PersonEnrolled } from '../src/domain/person/person-events';
import type { PersonName } from '../src/domain/shared/person-name';
import { verhoeffCheckDigit } from '../src/domain/shared/verhoeff';
import type { RecordedEvent } from '../src/event-store/event-store.port';
import { personStreamId } from '../src/ledger/person-stream';
import { random } from './seeded-random';

/**
 * A population whose names collide as a country's do: given names from about a hundred for men and seventy for women,
 * family names from nearly three hundred, both drawn with Zipf-like weights (the commonest given name
 * about a fifth of men, the commonest family about one in fifteen), spelled with the variants
 * registers hold (hamza forms, taa marbuta, alef maqsura, tashkeel, split "عبد" compounds), a
 * Latin transliteration for a third, and one birth date in ten known only to the year.
 */

const MALE = `محمد أحمد علي عبدالله عمر مصطفى إبراهيم خالد سالم يوسف حسن حسين عبدالرحمن عبدالسلام محمود صالح
فرج مفتاح عبدالكريم جمعة ميلاد رمضان عادل طارق أسامة إسماعيل موسى عيسى سليمان منصور عبدالعزيز عبدالباسط
عبدالحكيم فتحي ناصر عبدالمجيد مختار الهادي المبروك الطاهر الصادق البشير عثمان بشير أنور وليد هشام معاذ أيمن
حمزة زكريا يحيى عمران إدريس عبدالوهاب عبدالقادر عبدالجليل عبدالناصر عبداللطيف مراد نبيل جمال كمال رضا سعد
سعيد مسعود مبروك عطية حامد أبوبكر مؤمن مجدي ماهر فيصل بلال أنس حافظ الصديق عبدالفتاح عبدالمنعم عبدالرؤوف
فوزي عاطف نوري شعبان عوض ضو امحمد عبدالونيس رجب خليفة مصباح بلقاسم عبدالنبي إمحمد الطيب المهدي سفيان
صلاح عصام مهند أشرف`.split(/\s+/);
const MALE_COMPOUND = ['نور الدين', 'سيف الإسلام', 'عز الدين', 'صلاح الدين', 'علاء الدين', 'محمد الأمين'];
const FEMALE = `فاطمة عائشة مريم خديجة زينب آمنة حليمة سعاد نورية سالمة مبروكة فتحية نجاة هدى أسماء سارة إيمان
رحمة حنان نادية سميرة ليلى منى هناء وفاء عفاف أمل جميلة كريمة نعيمة سكينة رقية صفية زهرة نور رانيا ريم آية
ملاك هاجر جنات إسراء دعاء رشا سلمى ابتسام انتصار عزيزة مفيدة حواء فوزية بسمة سهام نسرين لبنى خيرية عيشة
مسعودة تهاني غادة نوال سلوى عبير مروة شيماء ربيعة مستورة فايزة زهية حياة سناء وداد يسرى`.split(/\s+/);
const FAMILY_ROOTS = `عبيد ترهون مصرات فيتور زو مقريف برعص ورفل مسمار مغرب زنتان غريان شريف كيلان جهان قذاف
عرفي منفي سنوس عقور فرجان أوجل زليتن طرابلس درنا سرت صبر هون ودان جالو كفر غدامس قماط بوسيف عوام شاعر
حاسي مجبر علواني فاخر نايض بركي دباش شويهد قطعان مزين جروش فزان كوني عبار بعيو شلوف بوعجيلة صويعي سويح
ككلي قريو ساحلي تاجور جنزور زاوي صرمان صبراتة عجيل جميل قاضي حضيري منصوري عمامي تومي طاهري`.split(/\s+/);
const FAMILIES = [
  ...FAMILY_ROOTS.map((root) => `ال${root}ي`),
  ...FAMILY_ROOTS.map((root) => `بن ${root}`),
  ...FAMILY_ROOTS.map((root) => `أبو ${root}ة`),
  ...FAMILY_ROOTS.map((root) => `${root}ى`),
];
const AREAS = ['LY-BA-01', 'LY-BA-02', 'LY-BA-03', 'LY-TB-01', 'LY-TB-02', 'LY-MI-01', 'LY-SB-01', 'LY-DR-01'];
const ROMAN: Record<string, string> = {
  ا: 'a', أ: 'a', إ: 'i', آ: 'aa', ب: 'b', ت: 't', ث: 'th', ج: 'j', ح: 'h', خ: 'kh', د: 'd', ذ: 'dh', ر: 'r', ز: 'z', س: 's',
  ش: 'sh', ص: 's', ض: 'd', ط: 't', ظ: 'z', ع: 'a', غ: 'gh', ف: 'f', ق: 'g', ك: 'k', ل: 'l', م: 'm', ن: 'n', ه: 'h', و: 'w',
  ي: 'i', ى: 'a', ة: 'a', ؤ: 'u', ئ: 'i', ' ': '-',
};
/** A rough romanisation, one way registrars wrote names in Latin letters. */
const romanise = (name: string): string => {
  const latin = [...name].map((letter) => ROMAN[letter] ?? '').join('');
  return latin.charAt(0).toUpperCase() + latin.slice(1);
};

/** Picks item k with weight 1/(k+1)^s by inverting the cumulative weights. */
function zipf<T>(items: T[], s: number): (r: number) => T {
  const cumulative: number[] = [];
  let total = 0;
  items.forEach((_, k) => cumulative.push((total += 1 / Math.pow(k + 1, s))));
  return (r) => {
    const target = r * total;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! < target) lo = mid + 1;
      else hi = mid;
    }
    return items[lo]!;
  };
}

const male = zipf([...MALE, ...MALE_COMPOUND], 1);
const female = zipf(FEMALE, 1);
const family = zipf(FAMILIES, 0.7);

/** What registers do to a name: one spelling of it out of the several that normalise alike. */
function misspell(name: string, r: () => number): string {
  if (r() > 0.15) return name;
  const variants = [
    (s: string) => s.replace(/^ا/, 'أ').replace(/^إ/, 'ا'),
    (s: string) => s.replace(/ة$/, 'ه'),
    (s: string) => s.replace(/ى$/, 'ي'),
    (s: string) => s.replace(/^عبد/, 'عبد '),
    (s: string) => s.replace(/م/, 'مّ').replace(/ح/, 'حَ'),
    (s: string) => s.replace(/ي$/, 'ى'),
  ];
  return variants[Math.floor(r() * variants.length)]!(name);
}

export const nationalIdOf = (n: number): string => {
  const digits = `${2 + (Math.floor(n / 1e10) % 8)}${String(n % 1e10).padStart(10, '0')}`;
  return `${digits}${verhoeffCheckDigit(digits)}`;
};

export interface GeneratedPerson {
  nationalId: string;
  sex: 'F' | 'M';
  name: PersonName;
  motherName: { given: string; father: string; family: string };
  dateOfBirth: string;
}

/** Person n of the population, the same for the same seed. */
export function personAt(n: number, seed: number): GeneratedPerson {
  const r = random(seed * 1_000_003 + n);
  const sex = r() < 0.5 ? 'F' : 'M';
  const given = sex === 'F' ? female(r()) : male(r());
  const father = male(r());
  const grandfather = male(r());
  const familyName = family(r());
  const year = 1930 + Math.floor(r() * 95);
  const month = 1 + Math.floor(r() * 12);
  const day = 1 + Math.floor(r() * 28);
  const dateOfBirth = r() < 0.1 ? String(year) : `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  const name: PersonName = { given: misspell(given, r), father: misspell(father, r), grandfather: misspell(grandfather, r), family: misspell(familyName, r) };
  if (r() < 0.33) name.latin = [given, father, grandfather, familyName].map(romanise).join(' ');
  return { nationalId: nationalIdOf(n), sex, name, motherName: { given: female(r()), father: male(r()), family: family(r()) }, dateOfBirth };
}

/** The enrolment of person n as the log would deliver it. */
export function enrolmentAt(n: number, seed: number): RecordedEvent {
  const person = personAt(n, seed);
  const data: PersonEnrolled['data'] = {
    nationalId: person.nationalId,
    name: person.name,
    sex: person.sex,
    dateOfBirth: person.dateOfBirth,
    placeOfBirth: AREAS[n % AREAS.length]!,
    nationality: 'LY',
    residency: 'citizen',
    motherName: person.motherName,
    source: { kind: 'legacy-register', reference: `register ${n % 900}, page ${n % 400}` },
  };
  return {
    id: `e${n}`,
    streamId: personStreamId(person.nationalId),
    revision: 0,
    position: n + 1,
    type: 'PersonEnrolled',
    data,
    metadata: { schemaVersion: 1 },
    recordedAt: '2026-01-01T00:00:00.000Z',
  };
}
