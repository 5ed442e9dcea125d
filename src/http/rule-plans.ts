import { TransformationType } from 'class-transformer';
import type { MetadataStorage as TransformMetadataStorage } from 'class-transformer/types/MetadataStorage';
import { getMetadataStorage, ValidationTypes, type ValidationArguments, type ValidatorConstraintInterface } from 'class-validator';
import type { ValidationMetadata } from 'class-validator/types/metadata/ValidationMetadata';

// class-transformer's decorators record into this storage; its package declares the type only.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { defaultMetadataStorage } = require('class-transformer/cjs/storage') as { defaultMetadataStorage: TransformMetadataStorage };

interface Check {
  metadata: ValidationMetadata;
  validators: ValidatorConstraintInterface[];
}

interface PropertyPlan {
  name: string;
  /** IsOptional / ValidateIf: all must hold for the property to be checked at all. */
  conditions: ValidationMetadata[];
  /** IsDefined first, then the other rules, in class-validator's order. */
  checks: Check[];
  nested: boolean;
}

interface SupportedPlan {
  properties: PropertyPlan[];
  known: Set<string>;
  /**
   * The class each property's objects are built as (class-transformer's @Type), when
   * class-transformer does nothing else with the class; undefined when it does.
   */
  nestedTypes?: Map<string, Function>;
}

type Plan = SupportedPlan | 'unsupported';

const storage = getMetadataStorage();
const plans = new Map<Function, Plan>();

/**
 * A class's rules as class-validator would apply them under the request pipe's options
 * (whitelist, forbidNonWhitelisted, no groups), read from its metadata once per class instead of
 * on every request. Anything this plan does not model (promises, schemas) is 'unsupported'.
 */
function planOf(target: Function): Plan {
  let plan = plans.get(target);
  if (plan) return plan;
  // A class nesting itself is left to class-validator rather than planned forever.
  plans.set(target, 'unsupported');
  const metadatas = storage.getTargetValidationMetadatas(target, '', false, false, undefined as unknown as string[]);
  const grouped = storage.groupByPropertyName(metadatas);
  const modelled = new Set<string>([
    ValidationTypes.CUSTOM_VALIDATION,
    ValidationTypes.NESTED_VALIDATION,
    ValidationTypes.CONDITIONAL_VALIDATION,
    ValidationTypes.WHITELIST,
    ValidationTypes.IS_DEFINED,
  ]);
  const checksOf = (list: ValidationMetadata[]): Check[] =>
    list.map((metadata) => ({
      metadata,
      validators: storage.getTargetValidatorConstraints(metadata.constraintCls).map((constraint) => constraint.instance),
    }));
  const known = new Set(Object.keys(grouped).filter((name) => grouped[name].length > 0));
  plan =
    metadatas.length === 0 || metadatas.some((m) => !modelled.has(m.type) || typeof m.target === 'string')
      ? 'unsupported'
      : {
          known,
          nestedTypes: nestedTypesOf(target, known),
          properties: Object.entries(grouped).map(([name, list]) => ({
            name,
            conditions: list.filter((m) => m.type === ValidationTypes.CONDITIONAL_VALIDATION),
            checks: checksOf([
              ...list.filter((m) => m.type === ValidationTypes.IS_DEFINED),
              ...list.filter((m) => m.type === ValidationTypes.CUSTOM_VALIDATION),
            ]),
            nested: list.some((m) => m.type === ValidationTypes.NESTED_VALIDATION),
          })),
        };
  plans.set(target, plan);
  return plan;
}

/** The @Type of each property, if class-transformer's only work on `target` is building nested objects by @Type. */
function nestedTypesOf(target: Function, properties: Set<string>): Map<string, Function> | undefined {
  const storage = defaultMetadataStorage;
  if (storage.getExposedMetadatas(target).length > 0 || storage.getExcludedMetadatas(target).length > 0) return undefined;
  const types = new Map<string, Function>();
  for (const name of properties) {
    if (storage.findTransformMetadatas(target, name, TransformationType.PLAIN_TO_CLASS).length > 0) return undefined;
    const type = storage.findTypeMetadata(target, name);
    if (!type) continue;
    // An array built as a Set, a Map or a discriminated union is class-transformer's to build.
    if (type.options?.discriminator || type.reflectedType === Set || type.reflectedType === Map) return undefined;
    // Sijil's @Type functions name a class and read nothing of the value, so one call tells for all.
    const nested: unknown = type.typeFunction?.({ newObject: undefined, object: {}, property: name });
    const nestedPlan = typeof nested === 'function' ? planOf(nested) : 'unsupported';
    if (nestedPlan === 'unsupported' || !nestedPlan.nestedTypes) return undefined;
    types.set(name, nested as Function);
  }
  return types;
}

/** Thrown inside a check to say the plan cannot decide; the caller then asks class-validator. */
const undecided = Symbol('undecided');

function passesCheck(object: object, value: unknown, { metadata, validators }: Check): boolean {
  const args: ValidationArguments = {
    targetName: object.constructor?.name,
    property: metadata.propertyName,
    object,
    value,
    constraints: metadata.constraints,
  };
  const each = metadata.each && (Array.isArray(value) || value instanceof Set || value instanceof Map);
  if (each && !Array.isArray(value)) throw undecided;
  return validators.every((validator) => {
    const verdicts = each ? (value as unknown[]).map((item) => validator.validate(item, args)) : [validator.validate(value, args)];
    if (verdicts.some((verdict) => verdict instanceof Promise)) throw undecided;
    return verdicts.every(Boolean);
  });
}

/** class-validator's nested rule: each item of an array, or the object itself, by its own class. */
function passesNested(value: unknown): boolean {
  if (value === undefined) return true;
  if (Array.isArray(value)) return value.every(passesNested);
  if (value instanceof Set || value instanceof Map) throw undecided;
  return value instanceof Object && passesObject(value);
}

function passesObject(object: object): boolean {
  const plan = planOf(object.constructor);
  if (plan === 'unsupported') throw undecided;
  if (Object.keys(object).some((name) => !plan.known.has(name))) return false;
  return plan.properties.every(({ name, conditions, checks, nested }) => {
    const value = (object as Record<string, unknown>)[name];
    if (value instanceof Promise) throw undecided;
    if (!conditions.every((condition) => condition.constraints[0](object, value))) return true;
    return checks.every((check) => passesCheck(object, value, check)) && (!nested || passesNested(value));
  });
}

/** What class-transformer's plainToInstance builds from a JSON object, for a class whose plan knows how. */
function instanceOf(target: Function, body: Record<string, unknown>): Record<string, unknown> {
  const plan = planOf(target);
  if (plan === 'unsupported' || !plan.nestedTypes) throw undecided;
  const instance = new (target as new () => Record<string, unknown>)();
  for (const name of Object.keys(body)) {
    // Names class-transformer skips (`constructor`) or the whitelist refuses: class-validator's to name.
    if (!plan.known.has(name)) throw undecided;
    instance[name] = built(body[name], plan.nestedTypes.get(name));
  }
  return instance;
}

function built(value: unknown, type: Function | undefined): unknown {
  if (Array.isArray(value)) return value.map((item) => built(item, type));
  if (typeof value !== 'object' || value === null) return value;
  if (!type || Object.getPrototypeOf(value) !== Object.prototype) throw undecided;
  return instanceOf(type, value as Record<string, unknown>);
}

/**
 * A JSON request body as the validation pipe would hand it to the route (built as `target` by
 * class-transformer's rules, every rule of class-validator passed), or undefined when the
 * plans cannot vouch for that: the pipe then does its whole work and names any fault.
 */
export function admittedBody(target: Function, body: unknown): object | undefined {
  if (typeof body !== 'object' || body === null || Object.getPrototypeOf(body) !== Object.prototype) return undefined;
  try {
    const instance = instanceOf(target, body as Record<string, unknown>);
    return passesObject(instance) ? instance : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Whether class-validator would find no fault in this transformed request body, decided from
 * the cached plans and class-validator's own validators; undefined when only class-validator
 * can tell. A body that fails is always handed to class-validator, which names the faults.
 */
export function passesRules(object: object): boolean | undefined {
  try {
    return passesObject(object);
  } catch {
    // Undecided, or a validator threw on a value: class-validator reports that as it does.
    return undefined;
  }
}
