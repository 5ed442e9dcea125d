import { Body, Controller, Get, Headers, HttpCode, Inject, Post, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Allow } from '../../agencies/access.decorators';
import { READ_MODELS } from '../../app/tokens';
import { Gazetteer } from '../../gazetteer/gazetteer';
import { badRequest } from '../../http/validation';
import type { ReadModelStore } from '../../read-models/read-model.port';
import { ProjectionProgress } from '../../read-models/engine/projection-progress';
import { projectPopulation } from '../../statistics/cohort-component';
import { lifeTable } from '../../statistics/life-table';
import { StatisticsInputError } from '../../statistics/statistics-error';
import { withRegisterInputs } from './projection-request';
import { breakdownOf, registerPopulation, registerRatesReport } from './register-statistics';
import { LifeTableRequestDto, ProjectionRequestDto } from './statistics-bodies.dto';
import {
  contentTypes,
  formatOf,
  lifeTableCsv,
  populationCsv,
  populationPyramid,
  projectionChart,
  projectionCsv,
  ratesCsv,
} from './statistics-output';
import { PopulationQueryDto, RatesQueryDto } from './statistics-requests.dto';
import { suppressionThreshold } from './statistics-settings';

/** A method's refusal of supplied numbers, as the API's 400 naming field and rule. */
async function statisticsInput<T>(work: () => T | Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof StatisticsInputError) throw badRequest([{ field: error.field, rule: error.rule, message: error.message }]);
    throw error;
  }
}

const REQUIRED = ['baseYear', 'population', 'Lx', 'l0', 'asfr', 'sexRatioAtBirth'] as const;

/**
 * Aggregates only: the population, rates, life tables and projections a statistician reads.
 * Register figures pass small-cell and complementary suppression (docs/statistics.md); routes
 * that compute from supplied numbers echo no register data. `Accept: text/csv` gives CSV, and
 * `Accept: image/svg+xml` a pyramid (population) or a chart of projected totals (projections).
 */
@ApiTags('statistics')
@Controller('v1/statistics')
@Allow('statistician')
export class StatisticsController {
  constructor(
    @Inject(READ_MODELS) private readonly readModels: ReadModelStore,
    private readonly progress: ProjectionProgress,
    private readonly gazetteer: Gazetteer,
  ) {}

  @Get('population')
  @ApiProduces('application/json', 'text/csv', 'image/svg+xml')
  @ApiOkResponse({ description: 'Population at the end of `date` by the breakdown; suppressed cells are null' })
  async population(@Query() query: PopulationQueryDto, @Headers('accept') accept: string | undefined, @Res({ passthrough: true }) reply: FastifyReply) {
    const by = breakdownOf(query.by);
    this.requireKnownArea(query.area);
    await this.upToDate();
    const table = await registerPopulation(this.readModels, query.date, by, query.area, suppressionThreshold());
    const format = formatOf(accept);
    reply.header('content-type', contentTypes[format]);
    return format === 'csv' ? populationCsv(table) : format === 'svg' ? populationPyramid(table) : table;
  }

  @Get('rates')
  @ApiProduces('application/json', 'text/csv')
  @ApiOkResponse({ description: 'ASFR, TFR, GRR, NRR, mean age at childbearing, crude rates, IMR, SRB, life tables by sex' })
  async rates(@Query() query: RatesQueryDto, @Headers('accept') accept: string | undefined, @Res({ passthrough: true }) reply: FastifyReply) {
    this.requireKnownArea(query.area);
    await this.upToDate();
    const report = await registerRatesReport(this.readModels, query.from, query.to, query.area, suppressionThreshold());
    const format = formatOf(accept) === 'csv' ? 'csv' : 'json';
    reply.header('content-type', contentTypes[format]);
    return format === 'csv' ? ratesCsv(report) : report;
  }

  @Post('life-tables')
  @HttpCode(200)
  @ApiProduces('application/json', 'text/csv')
  async lifeTables(@Body() body: LifeTableRequestDto, @Headers('accept') accept: string | undefined, @Res({ passthrough: true }) reply: FastifyReply) {
    body.ax?.forEach((value, i) => {
      if (value !== null && typeof value !== 'number') throw badRequest([{ field: `ax[${i}]`, rule: 'number-or-null', message: `ax[${i}] must be a number or null` }]);
    });
    const rows = await statisticsInput(() => lifeTable(body));
    const format = formatOf(accept) === 'csv' ? 'csv' : 'json';
    reply.header('content-type', contentTypes[format]);
    return format === 'csv' ? lifeTableCsv(rows) : { rows };
  }

  @Post('projections')
  @HttpCode(200)
  @ApiProduces('application/json', 'text/csv', 'image/svg+xml')
  async projections(@Body() body: ProjectionRequestDto, @Headers('accept') accept: string | undefined, @Res({ passthrough: true }) reply: FastifyReply) {
    if (body.baseDate) {
      this.requireKnownArea(body.area);
      await this.upToDate();
    } else {
      const missing = REQUIRED.filter((field) => body[field] === undefined);
      if (missing.length > 0) throw badRequest(missing.map((field) => ({ field, rule: 'required', message: `${field} is required without baseDate` })));
    }
    const input = await statisticsInput(() => withRegisterInputs(this.readModels, body as never, suppressionThreshold()));
    const result = await statisticsInput(() => projectPopulation(input));
    const format = formatOf(accept);
    reply.header('content-type', contentTypes[format]);
    return format === 'csv' ? projectionCsv(result, input.step) : format === 'svg' ? projectionChart(result) : result;
  }

  private requireKnownArea(area: string | undefined): void {
    if (area !== undefined && !this.gazetteer.hasArea(area)) {
      throw badRequest([{ field: 'area', rule: 'known-area', message: `area ${area} is not in the gazetteer` }]);
    }
  }

  /** The register's statistics include every fact recorded before the request. */
  private async upToDate(): Promise<void> {
    await this.progress.waitForHead({ projections: ['population'] });
  }
}
