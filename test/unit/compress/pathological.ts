/**
 * Inputs built to trip a regex into quadratic (or worse) backtracking: long runs of one character, one endless
 * word or line, thousands of repeats. Shared by the unit test (each must simply finish) and the bench (how long).
 */
export function pathologicalInputs(size: number): Record<string, string> {
  const times = (s: string) => s.repeat(Math.max(1, Math.floor(size / s.length)));
  return {
    'one long word': times('a'),
    'dots': times('.'),
    'spaces between two words': `x${times(' ')}y`,
    'spaces before a sentence': `${times(' ')}Please answer.`,
    'spaces after a sentence': `Answer now.${times(' ')}`,
    'tabs': `x${times('\t')}y`,
    'blank lines with spaces': times(' \n'),
    'open braces': times('{'),
    'bold markers': times('**'),
    'quotes': times('"'),
    'dollars': `${times('$')}x`,
    'backticks': times('`'),
    'angle brackets': times('<a '),
    'percent formats': times('%('),
    'URL schemes': times('https://'),
    'comma list in a role': `You are a ${times('kind, ')}agent.`,
    'praise chain': `You are a ${times('very ')}agent.`,
    'repeated role openings': times('You are a '),
    'repeated sentences on one line': times('Never share the key. '),
    'repeated thanks': times('Thank you! '),
    'repeated numbered items': times('1. Check the order status first.\n'),
    'Korean praise chain': `당신은 ${times('매우 ')}상담원입니다.`,
    'Korean syllable run': `${times('하')}해 주세요.`,
    'Korean repeated prohibitions': times('개인정보를 공유하지 마세요.\n'),
    'mixed everything': times('Please be very brief {x} 3~5 "q" `c`. 당신은 상담원입니다.\n'),
  };
}
