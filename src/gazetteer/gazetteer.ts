import { readFileSync } from 'node:fs';
import demoGazetteer from './demo-gazetteer.json';

export interface Area {
  code: string;
  level: string;
  parent?: string;
  name: { ar: string; en: string };
}

export interface RegistrationOffice {
  code: string;
  area: string;
  name: { ar: string; en: string };
}

interface GazetteerFile {
  country: string;
  areas: Area[];
  offices: RegistrationOffice[];
}

/**
 * The hierarchy of area codes and the registration offices, loaded once at start. Which codes
 * exist is data, not code: a deployment ships its national gazetteer.
 */
export class Gazetteer {
  private readonly areas: Map<string, Area>;
  private readonly offices: Map<string, RegistrationOffice>;

  constructor(file: GazetteerFile) {
    this.country = file.country;
    this.areas = new Map(file.areas.map((area) => [area.code, area]));
    this.offices = new Map(file.offices.map((office) => [office.code, office]));
  }

  readonly country: string;

  /** The national gazetteer at `path`, or the demo country shipped with Sijil. */
  static load(path?: string): Gazetteer {
    const file = path ? (JSON.parse(readFileSync(path, 'utf8')) as GazetteerFile) : demoGazetteer;
    return new Gazetteer(file);
  }

  hasArea(code: string): boolean {
    return this.areas.has(code);
  }

  area(code: string): Area | undefined {
    return this.areas.get(code);
  }

  office(code: string): RegistrationOffice | undefined {
    return this.offices.get(code);
  }

  allAreas(): Area[] {
    return [...this.areas.values()];
  }

  allOffices(): RegistrationOffice[] {
    return [...this.offices.values()];
  }
}
