/**
 * Query-string names of the cost calculator's fields. Each meter is keyed by its id, so a link
 * reads `?plan=…&<meter id>=…`; a meter whose id is taken by another field of this calculator
 * is written `meter.<id>`, and add-ons `add.<id>`: data ids never contain a dot, so no two
 * fields share a name whatever the company meters.
 */
export interface CostFieldKeys {
  plan: string;
  billing: string | null;
  seats: string | null;
  spend: string | null;
  /** Meter id → parameter name. */
  meters: Record<string, string>;
  /** Add-on id → parameter name. */
  addOns: Record<string, string>;
}

export function costFieldKeys(
  meterIds: readonly string[],
  addOnIds: readonly string[],
  present: { seats: boolean; spend: boolean; billing: boolean },
): CostFieldKeys {
  const keys = {
    plan: 'plan',
    billing: present.billing ? 'billing' : null,
    seats: present.seats ? 'seats' : null,
    spend: present.spend ? 'spend' : null,
  };
  const taken = new Set(Object.values(keys).filter((k): k is string => k !== null));
  return {
    ...keys,
    meters: Object.fromEntries(meterIds.map((id) => [id, taken.has(id) ? `meter.${id}` : id])),
    addOns: Object.fromEntries(addOnIds.map((id) => [id, `add.${id}`])),
  };
}
