import { describe, expect, it } from 'vitest';
import { DEFAULT_DISCLOSURE_RULES } from './disclosure.ts';
import { DEFAULT_DISCLOSURE_RULE_JSON, disclosureRulesFrom, statementDisclosureRules } from './rules.ts';

describe('the disclosure rule value', () => {
  it('reads a valid value, the defaults as the migrations write them', () => {
    expect(disclosureRulesFrom(JSON.parse(DEFAULT_DISCLOSURE_RULE_JSON))).toEqual(DEFAULT_DISCLOSURE_RULES);
    expect(disclosureRulesFrom({ minCellSize: 10, countRoundingBase: 3, significantFigures: 3 })).toEqual({ minCellSize: 10, countRoundingBase: 3, significantFigures: 3 });
    // No rounding (base 1), a base of 2 and 4 significant figures are too weak.
    expect(() => disclosureRulesFrom({ ...DEFAULT_DISCLOSURE_RULES, countRoundingBase: 1 })).toThrow(/invalid at countRoundingBase/);
    expect(() => disclosureRulesFrom({ ...DEFAULT_DISCLOSURE_RULES, countRoundingBase: 2 })).toThrow(/invalid at countRoundingBase/);
    expect(() => disclosureRulesFrom({ ...DEFAULT_DISCLOSURE_RULES, significantFigures: 4 })).toThrow(/invalid at significantFigures/);
  });

  it('stops on a missing row or a value that would weaken the protection, naming the key and the field', () => {
    expect(() => disclosureRulesFrom(undefined)).toThrow('rule value statistics_disclosure is missing');
    expect(() => disclosureRulesFrom({ ...DEFAULT_DISCLOSURE_RULES, minCellSize: 2 })).toThrow(/invalid at minCellSize/);
    expect(() => disclosureRulesFrom({ ...DEFAULT_DISCLOSURE_RULES, significantFigures: 0 })).toThrow(/invalid at significantFigures/);
    expect(() => disclosureRulesFrom({ ...DEFAULT_DISCLOSURE_RULES, countRoundingBase: 2.5 })).toThrow(/invalid at countRoundingBase/);
    expect(() => disclosureRulesFrom({ ...DEFAULT_DISCLOSURE_RULES, extra: 1 })).toThrow(/invalid/);
  });

  it('is taken from the total row of a statement', () => {
    expect(statementDisclosureRules([{ isTotal: false }, { isTotal: true, rules: DEFAULT_DISCLOSURE_RULES }])).toEqual(DEFAULT_DISCLOSURE_RULES);
    expect(() => statementDisclosureRules([{ isTotal: true }])).toThrow(/missing/);
  });
});
