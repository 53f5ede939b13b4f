/**
 * Which writing system a prompt is mostly in, counted over its letters (digits, punctuation, code and whitespace do
 * not vote). Korean, Japanese and Chinese have measured token ratios (data/inflation.json); other non-Latin scripts
 * are named without one.
 */
export type ScriptLanguage = 'ko' | 'ja' | 'zh' | 'cyrillic' | 'arabic' | 'thai' | 'devanagari' | 'greek' | 'hebrew' | 'other';

export const SCRIPT_NAMES: Record<ScriptLanguage, string> = {
  ko: 'Korean',
  ja: 'Japanese',
  zh: 'Chinese',
  cyrillic: 'Cyrillic script',
  arabic: 'Arabic script',
  thai: 'Thai',
  devanagari: 'Devanagari',
  greek: 'Greek',
  hebrew: 'Hebrew',
  other: 'a non-Latin script',
};

const SCRIPTS: ReadonlyArray<[Exclude<ScriptLanguage, 'ko' | 'ja' | 'zh' | 'other'>, RegExp]> = [
  ['cyrillic', /\p{Script=Cyrillic}/u],
  ['arabic', /\p{Script=Arabic}/u],
  ['thai', /\p{Script=Thai}/u],
  ['devanagari', /\p{Script=Devanagari}/u],
  ['greek', /\p{Script=Greek}/u],
  ['hebrew', /\p{Script=Hebrew}/u],
];

export interface ScriptShare {
  language: ScriptLanguage;
  /** Share of the letters that are not Latin, 0..1. */
  nonLatinShare: number;
}

/** One pass over the letters: Latin, Hangul, kana, Han, or another letter. */
const LETTER = /(\p{Script=Latin})|(\p{Script=Hangul})|([\p{Script=Hiragana}\p{Script=Katakana}])|(\p{Script=Han})|(\p{L})/gu;

/** The dominant non-Latin writing system of a text and its share of the letters; null when it has no letters. */
export function dominantScript(text: string): ScriptShare | null {
  let letters = 0;
  let latin = 0;
  let hangul = 0;
  let kana = 0;
  let han = 0;
  const others = new Map<ScriptLanguage, number>();
  for (const m of text.matchAll(LETTER)) {
    letters++;
    if (m[1]) latin++;
    else if (m[2]) hangul++;
    else if (m[3]) kana++;
    else if (m[4]) han++;
    else {
      const found = SCRIPTS.find(([, re]) => re.test(m[5]!))?.[0] ?? 'other';
      others.set(found, (others.get(found) ?? 0) + 1);
    }
  }
  if (letters === 0) return null;
  const nonLatinShare = (letters - latin) / letters;
  // Japanese mixes kana with kanji: any real share of kana makes Han-script text Japanese.
  let language: ScriptLanguage;
  if (hangul >= kana + han && hangul > 0) language = 'ko';
  else if (kana + han > 0 && kana >= 0.1 * (kana + han) && kana + han >= hangul) language = 'ja';
  else if (han > 0 && han >= hangul) language = 'zh';
  else {
    let best: ScriptLanguage = 'other';
    let count = 0;
    for (const [lang, n] of others) if (n > count) [best, count] = [lang, n];
    language = best;
  }
  return { language, nonLatinShare };
}
