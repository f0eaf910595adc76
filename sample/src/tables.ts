import type { SampleApplicationState, SampleRules } from './types.ts';

// The data tables the sample world is drawn from.

/** The demo applicant: `npm run token -- --nomad 7c9e6679-7425-40de-944b-e07fc1f90ae7`. */
export const DEMO_NOMAD_ID = '7c9e6679-7425-40de-944b-e07fc1f90ae7';

/** Passport names (Latin script) per citizenship; a citizenship missing here is not drawn. */
export const NAMES: Record<string, { surnames: string[]; male: string[]; female: string[] }> = {
  RUS: { surnames: ['IVANOV', 'SMIRNOV', 'KUZNETSOV', 'POPOV', 'SOKOLOV', 'VOLKOV'], male: ['ALEXEI', 'DMITRII', 'IVAN', 'SERGEI'], female: ['ANNA', 'OLGA', 'MARIIA', 'ELENA'] },
  KAZ: { surnames: ['NURLANOV', 'SULEIMENOV', 'ABENOV', 'ZHUMABAEV'], male: ['ARMAN', 'DAUREN', 'ERLAN', 'NURSULTAN'], female: ['AIGERIM', 'DANA', 'ZHANAR', 'MADINA'] },
  BLR: { surnames: ['KOVALENKO', 'NOVIK', 'MELNIK', 'SHEVCHUK'], male: ['ANDREI', 'PAVEL', 'ARTEM'], female: ['IRINA', 'TATSIANA', 'VOLHA'] },
  ARM: { surnames: ['HAKOBYAN', 'PETROSYAN', 'SARGSYAN', 'GRIGORYAN'], male: ['ARAM', 'DAVIT', 'TIGRAN'], female: ['ANI', 'LILIT', 'MARIAM'] },
  AZE: { surnames: ['ALIYEV', 'MAMMADOV', 'HASANOV', 'GULIYEV'], male: ['ELVIN', 'RASHAD', 'ORKHAN'], female: ['AYSEL', 'LEYLA', 'NIGAR'] },
  MDA: { surnames: ['RUSU', 'CEBAN', 'CIOBANU', 'TURCAN'], male: ['ION', 'VASILE', 'MIHAI'], female: ['ANA', 'MARIA', 'ELENA'] },
  USA: { surnames: ['SMITH', 'JOHNSON', 'WILLIAMS', 'BROWN', 'GARCIA'], male: ['JAMES', 'MICHAEL', 'DAVID'], female: ['EMILY', 'SARAH', 'JESSICA'] },
  DEU: { surnames: ['MUELLER', 'SCHMIDT', 'SCHNEIDER', 'FISCHER'], male: ['LUKAS', 'JONAS', 'FELIX'], female: ['LENA', 'HANNAH', 'ANNA'] },
  GBR: { surnames: ['TAYLOR', 'DAVIES', 'EVANS', 'WILSON'], male: ['OLIVER', 'HARRY', 'GEORGE'], female: ['OLIVIA', 'AMELIA', 'ISLA'] },
  JPN: { surnames: ['SATO', 'SUZUKI', 'TAKAHASHI', 'TANAKA'], male: ['HARUTO', 'YUTO', 'SOTA'], female: ['YUI', 'HINA', 'AOI'] },
  KOR: { surnames: ['KIM', 'LEE', 'PARK', 'CHOI'], male: ['MINJUN', 'SEOJUN', 'JIHO'], female: ['SEOYEON', 'JIWOO', 'HAYUN'] },
  IND: { surnames: ['SHARMA', 'PATEL', 'SINGH', 'IYER'], male: ['AARAV', 'VIVAAN', 'ARJUN'], female: ['ANANYA', 'DIYA', 'PRIYA'] },
};

export const EMPLOYERS = ['Northwind Labs GmbH', 'Blue Harbor Software Ltd', 'Pixel Forge Inc', 'Steppe Data LLP', 'Aurora Games Oy', 'Tessellate Studio', 'Quantum Ledger Inc', 'Orbit Media BV'];
export const EMPLOYER_COUNTRIES = ['USA', 'DEU', 'GBR', 'NLD', 'FIN', 'KAZ', 'ARE', 'SGP'];
export const CURRENCIES = ['USD', 'EUR', 'RUB', 'KZT', 'GBP'];

/** Target share of each application state in the sample (every state appears). */
export const STATE_MIX: readonly (readonly [SampleApplicationState, number])[] = [
  ['SUBMITTED', 0.18],
  ['UNDER_REVIEW', 0.17],
  ['RETURNED_FOR_CORRECTION', 0.08],
  ['APPROVED', 0.35],
  ['REFUSED', 0.08],
  ['WITHDRAWN', 0.07],
  ['CANCELLED', 0.07],
];

/**
 * The mix of a program running for years (`sampleWorld({ years })`): most people who ever
 * applied were approved long ago; few applications are in flight at any one time.
 */
export const PROGRAM_STATE_MIX: readonly (readonly [SampleApplicationState, number])[] = [
  ['SUBMITTED', 0.03],
  ['UNDER_REVIEW', 0.03],
  ['RETURNED_FOR_CORRECTION', 0.02],
  ['APPROVED', 0.7],
  ['REFUSED', 0.1],
  ['WITHDRAWN', 0.06],
  ['CANCELLED', 0.06],
];

export function pickState(r: number, mix: readonly (readonly [SampleApplicationState, number])[] = STATE_MIX): SampleApplicationState {
  let acc = 0;
  for (const [state, share] of mix) {
    acc += share;
    if (r < acc) return state;
  }
  return 'APPROVED';
}

/**
 * The rule values the sample is drawn with when no database is at hand (other agencies'
 * seeds): the defaults of migration's rule table. A test checks they match it.
 */
export const SAMPLE_RULES: SampleRules = {
  eligible_citizenships: ['AZE', 'ARM', 'BLR', 'KAZ', 'MDA', 'RUS', 'USA', 'DEU', 'GBR', 'JPN', 'KOR', 'IND'],
  visa_required_citizenships: ['USA', 'DEU', 'GBR', 'JPN', 'KOR', 'IND'],
  eligible_activities: [
    { code: 'SOFTWARE_DEVELOPMENT', title: 'Software development' },
    { code: 'IT_SYSTEMS_ANALYSIS', title: 'IT systems analysis and programming' },
    { code: 'IT_EXPORT', title: 'IT export' },
    { code: 'MEDIA_ARTS', title: 'Media arts (VR/AR, 3D)' },
    { code: 'ANIMATION_GRAPHIC_DESIGN', title: 'Animation and graphic design' },
    { code: 'IT_PRODUCT_DEVELOPMENT', title: 'IT-product development' },
    { code: 'ROBOTICS_AI', title: 'Robotics and artificial intelligence' },
    { code: 'GAMES', title: 'Computer and mobile games' },
    { code: 'ESPORTS', title: 'Esports' },
    { code: 'CREATIVE_INDUSTRIES', title: 'Creative industries' },
  ],
  exchange_rates_to_usd: { USD: 1, EUR: 1.08, GBP: 1.27, CHF: 1.12, JPY: 0.0067, KRW: 0.00073, INR: 0.012, CNY: 0.14, RUB: 0.011, KZT: 0.002, KGS: 0.0115, UZS: 0.00008, TRY: 0.029, CAD: 0.73, AUD: 0.65, AED: 0.27 },
  review_working_days: 7,
};
