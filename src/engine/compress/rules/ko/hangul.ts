/** Korean helpers shared by the Korean rules. */

/** True when the syllable has a final consonant (받침): the object particle after it is 을, else 를. */
export function hasFinalConsonant(syllable: string): boolean {
  const c = syllable.charCodeAt(0);
  return c >= 0xac00 && c <= 0xd7a3 && (c - 0xac00) % 28 !== 0;
}

/** True when `particle` (을/를) really is the object particle of `noun` (마을, 가을 end in 을 but take none here). */
export function isObjectParticle(noun: string, particle: string): boolean {
  if (!noun) return false;
  const last = noun.charAt(noun.length - 1);
  return particle === '을' ? hasFinalConsonant(last) : !hasFinalConsonant(last);
}

/**
 * Regex source: an optional object ("답변을 ") and a verbal noun of two or more syllables (제공, 설명, 요약) that the
 * ending after it turns into a verb. Groups: 1 object noun, 2 particle, 3 verbal noun.
 */
export const OBJECT_AND_STEM = '(?:(?<![가-힣])([가-힣]+)(을|를)[ \\t]+)?(?<![가-힣])([가-힣]{2,}?)';

/** Where a sentence ends: punctuation (a colon introducing what follows too), or the end of the line. */
export const SENTENCE_END = '(?=[.!。:]|[ \\t]*(?:\\n|$))';

/** "답변을 제공" from the groups of OBJECT_AND_STEM: the particle goes when it is one, the noun and stem stay. */
export function nounPhrase(object: string | undefined, particle: string | undefined, stem: string): string {
  if (!object || !particle) return stem;
  return isObjectParticle(object, particle) ? `${object} ${stem}` : `${object}${particle} ${stem}`;
}

/** The syllable with a final consonant added (ㄴ = 4, ㄹ = 8): "보내" + ㄴ -> "보낸"; null if it already has one. */
export function withFinalConsonant(syllable: string, final: 4 | 8): string | null {
  const c = syllable.charCodeAt(0);
  if (c < 0xac00 || c > 0xd7a3 || (c - 0xac00) % 28 !== 0) return null;
  return String.fromCharCode(c + final);
}
