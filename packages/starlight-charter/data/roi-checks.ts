import type { DataPath } from './positions.ts';
import type { RoiFile, RoiInput, RoiInputKind } from '../schemas/roi.ts';

/** A problem in roi.yaml, placed by data path (and by key, for a record key). */
export interface RoiProblem {
  path: DataPath;
  message: string;
  key?: string;
}

/**
 * What the ROI model refers to, checked after its schema: every input id it names exists and is
 * of a kind that makes sense where it is used, every meter is one pricing.yaml declares, every
 * default lies within its input's limits. `meters` is undefined when pricing.yaml failed to load.
 */
export function roiProblems(roi: RoiFile, meters: string[] | undefined): RoiProblem[] {
  const problems: RoiProblem[] = [];
  const add = (path: DataPath, message: string, key?: string) =>
    problems.push(key === undefined ? { path, message } : { path, message, key });

  const byId = new Map<string, RoiInput>();
  roi.inputs.forEach((input, i) => {
    const first = roi.inputs.findIndex((other) => other.id === input.id);
    if (first !== i)
      add(['inputs', i, 'id'], `duplicate input id "${input.id}" (first used at inputs[${first}])`);
    else byId.set(input.id, input);
    if (input.kind === 'yes-no') return;
    const shown = (n: number) => (input.kind === 'money' ? n / 1e6 : n);
    if (input.max !== null && input.min > input.max) {
      add(['inputs', i, 'max'], `max (${shown(input.max)}) is below min (${shown(input.min)})`);
    }
    if (input.default < input.min)
      add(['inputs', i, 'default'], `the default is below min (${shown(input.min)})`);
    else if (input.max !== null && input.default > input.max) {
      add(['inputs', i, 'default'], `the default is above max (${shown(input.max)})`);
    }
    if (input.whole && !Number.isInteger(input.default))
      add(['inputs', i, 'default'], 'the input takes whole numbers; the default is not one');
    if (
      input.kind !== 'money' &&
      input.decimals !== null &&
      !Number.isInteger(input.default * 10 ** input.decimals)
    ) {
      add(
        ['inputs', i, 'default'],
        `the default has more than ${input.decimals} digits after the decimal point`,
      );
    }
  });
  const ids = [...byId.keys()];

  const KIND_WORDS: Record<RoiInputKind, string> = {
    number: 'a number',
    money: 'an amount of money',
    percent: 'a percentage',
    'yes-no': 'a yes-no answer',
  };
  /** The input `id` names, when it exists and is one of `kinds`; reports it otherwise. */
  const input = (
    path: DataPath,
    id: string,
    kinds: RoiInputKind[],
    need: string,
  ): RoiInput | undefined => {
    const found = byId.get(id);
    if (!found) {
      add(path, `unknown input "${id}"; expected one of: ${ids.join(', ')}`);
      return undefined;
    }
    if (!kinds.includes(found.kind)) {
      add(path, `input "${id}" is ${KIND_WORDS[found.kind]}; expected ${need}`);
      return undefined;
    }
    return found;
  };
  const FACTORS: RoiInputKind[] = ['number', 'percent'];
  const factorNeed = 'a number or a percentage';

  roi.savings.per_month.forEach((id, j) =>
    input(['savings', 'per_month', j], id, FACTORS, factorNeed),
  );
  input(['savings', 'value_each'], roi.savings.value_each, ['money'], 'an amount of money');

  for (const [meter, factors] of Object.entries(roi.usage)) {
    if (meters && !meters.includes(meter)) {
      add(
        ['usage'],
        `unknown meter "${meter}"; expected one of: ${[...new Set(meters)].join(', ')}`,
        meter,
      );
    }
    factors.forEach((id, j) => input(['usage', meter, j], id, FACTORS, factorNeed));
  }

  const { seats, spend, annual } = roi.plan_inputs;
  if (seats !== undefined) {
    const found = input(['plan_inputs', 'seats'], seats, ['number'], 'a whole number');
    if (found?.kind === 'number' && !found.whole)
      add(['plan_inputs', 'seats'], `input "${seats}" is not a whole number`);
  }
  if (spend !== undefined) input(['plan_inputs', 'spend'], spend, ['money'], 'an amount of money');
  if (annual !== undefined) input(['plan_inputs', 'annual'], annual, ['yes-no'], 'a yes-no answer');

  const horizon = input(['horizon'], roi.horizon, ['number'], 'a whole number of years');
  if (horizon?.kind === 'number' && !horizon.whole)
    add(['horizon'], `input "${roi.horizon}" is not a whole number`);

  const usageMeters = Object.keys(roi.usage);
  roi.recommendation.rules.forEach((rule, i) => {
    const path = ['recommendation', 'rules', i] as const;
    const found = byId.get(rule.field);
    if (found) {
      if (usageMeters.includes(rule.field)) {
        add(
          [...path, 'field'],
          `"${rule.field}" names both an input and a meter in usage; rename the input`,
        );
      }
      if (found.kind === 'yes-no' && rule.at_least !== undefined) {
        add(
          [...path, 'at_least'],
          `input "${rule.field}" is a yes-no answer; use "equals: true" or "equals: false"`,
        );
      }
      if (found.kind !== 'yes-no' && rule.equals !== undefined) {
        add(
          [...path, 'equals'],
          `input "${rule.field}" is ${KIND_WORDS[found.kind]}; use "at_least"`,
        );
      }
    } else if (usageMeters.includes(rule.field)) {
      if (rule.equals !== undefined)
        add([...path, 'equals'], `meter "${rule.field}" is an amount; use "at_least"`);
    } else {
      add(
        [...path, 'field'],
        `unknown field "${rule.field}"; expected an input (${ids.join(', ')})` +
          (usageMeters.length > 0 ? ` or a meter in usage (${usageMeters.join(', ')})` : ''),
      );
    }
  });
  return problems;
}
