import { getMetadataStorage, ValidationTypes, type ValidationArguments, type ValidatorConstraintInterface } from 'class-validator';
import type { ValidationMetadata } from 'class-validator/types/metadata/ValidationMetadata';

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

type Plan = { properties: PropertyPlan[]; known: Set<string> } | 'unsupported';

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
  plan =
    metadatas.length === 0 || metadatas.some((m) => !modelled.has(m.type) || typeof m.target === 'string')
      ? 'unsupported'
      : {
          known: new Set(Object.keys(grouped).filter((name) => grouped[name].length > 0)),
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
