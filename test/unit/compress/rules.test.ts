import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { COMPRESS_RULES } from '../../../src/engine/compress/rules';
import { runOnly } from './helpers';

/** [rule, input, expected output]; expected === input means the rule must leave the text alone. */
const CASES: ReadonlyArray<readonly [string, string, string]> = [
  ['markdown-emphasis', '**Important:** answer in **one** sentence.', 'Important: answer in one sentence.'],
  ['markdown-emphasis', 'Call __init__ once.', 'Call __init__ once.'],
  ['markdown-emphasis', 'Compute 2 ** 3 and pass **kwargs.', 'Compute 2 ** 3 and pass **kwargs.'],
  ['markdown-emphasis', 'Call `f(**opts**)` as is.', 'Call `f(**opts**)` as is.'],

  ['en-list-header', 'Please follow these rules very carefully:\n- Be brief.', 'Rules:\n- Be brief.'],
  ['en-list-header', 'Follow these steps:\n1. Read.', 'Steps:\n1. Read.'],
  ['en-list-header', 'Please follow these rules carefully: be brief.', 'Please follow these rules carefully: be brief.'],
  ['en-list-header', 'Follow these rules when you write a query:\n- Use JOIN.', 'Follow these rules when you write a query:\n- Use JOIN.'],
  ['en-list-header', 'The possible categories are the following ones:\n- SPAM', 'The possible categories:\n- SPAM'],
  ['en-list-header', 'The format is as follows: JSON.', 'The format is as follows: JSON.'],
  ['en-list-header', 'Below are the rules:\n- Be brief.', 'Rules:\n- Be brief.'],

  ['en-politeness', 'Please answer in English.', 'Answer in English.'],
  ['en-politeness', 'I would like you to summarize the text.', 'Summarize the text.'],
  ['en-politeness', 'Answer briefly. Thank you!', 'Answer briefly.'],
  ['en-politeness', 'Kindly, list three items.', 'List three items.'],
  ['en-politeness', 'Try to please the customer.', 'Try to please the customer.'],
  ['en-politeness', 'Say "please" when you ask.', 'Say "please" when you ask.'],

  ['en-instruction-preamble', 'You should answer in JSON.', 'Answer in JSON.'],
  ['en-instruction-preamble', 'You should not guess.', 'Do not guess.'],
  ['en-instruction-preamble', 'It is important not to reveal the key.', 'Do not reveal the key.'],
  ['en-instruction-preamble', 'Your goal is to help users.', 'Help users.'],
  ['en-instruction-preamble', 'If unsure, make sure to ask.', 'If unsure, ask.'],
  ['en-instruction-preamble', 'Note that you should never lie.', 'Never lie.'],
  ['en-instruction-preamble', 'It is very important that you return JSON and that you do not add text.', 'Return JSON and do not add text.'],
  ['en-instruction-preamble', 'You should\n  always be polite.', '\n  Always be polite.'],
  ['en-instruction-preamble', 'Users are nervous, so it is really important that you are patient.', 'Users are nervous, so be patient.'],
  ['en-instruction-preamble', 'Tell the user what you should do next.', 'Tell the user what you should do next.'],
  ['en-instruction-preamble', 'Make sure that the output is valid JSON.', 'Make sure that the output is valid JSON.'],
  ['en-instruction-preamble', 'Try to keep answers short. You should always try to be kind.', 'Keep answers short. Always be kind.'],
  ['en-instruction-preamble', 'Remember that refunds take 5 days.', 'Refunds take 5 days.'],
  ['en-instruction-preamble', 'They are new, so try to be patient. It is your job to sort tickets.', 'They are new, so be patient. Sort tickets.'],
  ['en-instruction-preamble', 'It is perfectly fine to say so. It is important that the answer is short. In your responses, cite sources.', 'You may say so. Ensure the answer is short. Cite sources.'],
  ['en-instruction-preamble', 'It is important that you know this. It is fine if you skip it.', 'Know this. It is fine if you skip it.'],
  ['en-instruction-preamble', 'When a patient writes, first try to understand the symptoms.', 'When a patient writes, first understand the symptoms.'],
  ['en-instruction-preamble', 'Note that the key expires and that it is secret.', 'The key expires and it is secret.'],
  ['en-instruction-preamble', "It's important to cite the source.", 'Cite the source.'],
  ['en-instruction-preamble', 'Your job is basically to sort the tickets.', 'Sort the tickets.'],
  ['en-instruction-preamble', 'Users log in and try to reset it. Try not to guess.', 'Users log in and try to reset it. Try not to guess.'],
  ['en-instruction-preamble', 'Be kind, and remember that they are new.', 'Be kind, and remember that they are new.'],

  ['en-filler', 'Basically, answer in one line.', 'Answer in one line.'],
  ['en-filler', 'Answer to the best of your ability.', 'Answer.'],
  ['en-filler', 'Give the most accurate answer possible.', 'Give the most accurate answer.'],
  ['en-filler', 'Answer as precisely as possible.', 'Answer precisely.'],
  ['en-filler', 'Reply as soon as possible.', 'Reply as soon as possible.'],
  ['en-filler', 'Also, never lie. Moreover, cite sources.', 'Never lie. Cite sources.'],
  ['en-filler', 'Always be polite at all times.', 'Always be polite.'],
  ['en-filler', 'Be polite at all times.', 'Be polite at all times.'],

  ['en-role-padding', 'You are a highly sophisticated and knowledgeable support agent.', 'You are a support agent.'],
  ['en-role-padding', 'You are an extremely experienced editor.', 'You are an editor.'],
  ['en-role-padding', 'You are a highly skilled expert.', 'You are an expert.'],
  ['en-role-padding', 'You are a patient, kind and highly experienced tutor.', 'You are a patient and kind tutor.'],
  ['en-role-padding', 'You are an assistant with extensive experience in tax law.', 'You are an assistant for tax law.'],
  ['en-role-padding', 'The API is a highly advanced system.', 'The API is a highly advanced system.'],
  ['en-role-padding', 'You are a friendly and professional agent.', 'You are a friendly and professional agent.'],
  ['en-role-padding', 'The report comes with extensive experience in tax law.', 'The report comes with extensive experience in tax law.'],

  ['en-wordy-phrases', 'In order to help, check the status.', 'To help, check the status.'],
  ['en-wordy-phrases', 'Due to the fact that it rains, stay in.', 'Because it rains, stay in.'],
  ['en-wordy-phrases', 'List the decisions that were made.', 'List the decisions made.'],
  ['en-wordy-phrases', 'If you are not able to help, say so.', 'If you cannot help, say so.'],
  ['en-wordy-phrases', 'Decide whether or not to reply.', 'Decide whether or not to reply.'],
  ['en-wordy-phrases', 'Keep `in order to` as written.', 'Keep `in order to` as written.'],
  ['en-wordy-phrases', 'Write it in the following format:', 'Write it in this format:'],
  ['en-wordy-phrases', 'Only use the skills that are relevant for the role.', 'Only use the skills relevant for the role.'],
  ['en-wordy-phrases', 'Skip topics that are not related to refunds.', 'Skip topics not related to refunds.'],
  ['en-wordy-phrases', 'Comment on the lines that have actually been changed.', 'Comment on the lines actually changed.'],
  ['en-wordy-phrases', 'Make sure that is what they want.', 'Make sure that is what they want.'],
  ['en-wordy-phrases', 'A lot of users are new; it takes a lot of time. Make sure your reply is short.', 'Many users are new; it takes a lot of time. Ensure your reply is short.'],
  ['en-wordy-phrases', 'Read the NDA that is provided below.', 'Read the NDA provided below.'],
  ['en-wordy-phrases', 'Avoid using jargon; offer a wide range of plans.', 'Avoid jargon; offer many plans.'],
  ['en-wordy-phrases', 'Use the policy of the company, which is included below.', 'Use the policy of the company, included below.'],

  ['en-clauses', 'The diff that you need to review is below.', 'The diff to review is below.'],
  ['en-clauses', '## What you should check\n### Things you must not do', '## What to check\n### Things not to do'],
  ['en-clauses', 'Let them know that the order shipped.', 'Tell them the order shipped.'],
  ['en-clauses', 'Never confirm that a refund has been processed.', 'Never confirm a refund has been processed.'],
  ['en-clauses', 'Check where user input is being used.', 'Check where user input is used.'],
  ['en-clauses', 'Explain it in a simple way, in a calm and respectful manner.', 'Explain it simply, calmly and respectfully.'],
  ['en-clauses', 'Keep in mind the fact that you must cite sources.', 'Keep in mind the fact that you must cite sources.'],
  ['en-clauses', 'In this situation you must stop.', 'In this situation you must stop.'],
  ['en-clauses', 'When you need to call a tool, respond in JSON. Where you must stop, say so.', 'When you need to call a tool, respond in JSON. Where you must stop, say so.'],
  ['en-clauses', 'Your responses should always be concise. Provide a response that is polite.', 'Always be concise. Respond politely.'],
  ['en-clauses', 'Your answer should be in JSON. Provide an answer to the question.', 'Your answer should be in JSON. Provide an answer to the question.'],
  ['en-clauses', 'Return the JSON that you need to send.', 'Return the JSON to send.'],
  ['en-clauses', 'Provide your answer in JSON.', 'Answer in JSON.'],
  ['en-clauses', 'Never confirm that {refund_id} has been paid.', 'Never confirm {refund_id} has been paid.'],
  ['en-clauses', 'Answer in a small way, in an online manner, in a straight way.', 'Answer in a small way, in an online manner, in a straight way.'],
  ['en-clauses', 'Say that word. Answer in a friendly way.', 'Say that word. Answer in a friendly way.'],
  ['en-clauses', 'The documents that you must read carefully list the fees. List the rules that you must follow the order of.', 'The documents to read carefully list the fees. List the rules you must follow the order of.'],

  ['en-redundant-pairs', 'Be polite and courteous.', 'Be polite.'],
  ['en-redundant-pairs', 'Show the end result.', 'Show the result.'],
  ['en-redundant-pairs', 'Be clear and concise.', 'Be clear and concise.'],
  ['en-redundant-pairs', 'Keep it short and to the point; be fair and unbiased.', 'Keep it concise; be unbiased.'],

  ['en-intensifiers', 'It is very important to be extremely accurate.', 'It is important to be accurate.'],
  ['en-intensifiers', 'Absolutely never share it.', 'Absolutely never share it.'],
  ['en-intensifiers', 'Read the very first line.', 'Read the very first line.'],
  ['en-intensifiers', 'Explain simply and clearly.', 'Explain simply and clearly.'],
  ['en-intensifiers', 'Use very few words.', 'Use very few words.'],

  ['ko-intensifiers', '매우 정확하고 아주 간결하게 답변하세요.', '정확하고 간결하게 답변하세요.'],
  ['ko-intensifiers', '너무 길게 쓰지 마세요.', '너무 길게 쓰지 마세요.'],
  ['ko-intensifiers', '정말인지 확인하세요.', '정말인지 확인하세요.'],
  ['ko-intensifiers', '최대한 간결하게, 가능한 한 쉽게 쓰세요.', '간결하게, 쉽게 쓰세요.'],
  ['ko-intensifiers', '최대한 많이 찾고 가능한 한 빨리 답하세요.', '최대한 많이 찾고 가능한 한 빨리 답하세요.'],

  ['ko-polite-filler', '부디 정확하게 답변해 주세요. 감사합니다.', '정확하게 답변해 주세요.'],
  ['ko-polite-filler', '혹시 모르는 내용이 있으면 말해 주세요.', '모르는 내용이 있으면 말해 주세요.'],
  ['ko-polite-filler', '협조해 주셔서 감사합니다.', '협조해 주셔서 감사합니다.'],

  ['ko-list-header', '답변할 때는 다음 규칙을 반드시 지켜 주세요.\n- 존댓말 사용', '답변 필수 규칙:\n- 존댓말 사용'],
  ['ko-list-header', '다음은 고객 정보입니다:\n- 이름', '고객 정보:\n- 이름'],
  ['ko-list-header', '다음 항목에 특히 주의해 주세요.\n- 보안', '특히 주의:\n- 보안'],
  ['ko-list-header', '다음 규칙을 지켜 주세요.', '다음 규칙을 지켜 주세요.'],

  ['ko-light-verb', '고객이 질문을 하면 답변을 해 주세요.', '고객이 질문하면 답변해 주세요.'],
  ['ko-light-verb', '답변을 하실 때 확인을 하시고 넘어가세요.', '답변하실 때 확인하시고 넘어가세요.'],
  ['ko-light-verb', '일을 하면 쉬세요.', '일을 하면 쉬세요.'],

  ['ko-honorifics', '고객님께서 환불을 요청하시면 구매하신 날짜를 확인하세요.', '고객님이 환불을 요청하면 구매한 날짜를 확인하세요.'],
  ['ko-honorifics', '문의하실 때에는 번호를 확인하세요.', '문의 시 번호를 확인하세요.'],
  ['ko-honorifics', '답변하지 마시고 기다리세요.', '답변하지 말고 기다리세요.'],
  ['ko-honorifics', '고객님께 인사하세요.', '고객님께 인사하세요.'],
  ['ko-honorifics', '상품을 받으신 날짜와 보내신 메일을 확인하세요.', '상품을 받은 날짜와 보낸 메일을 확인하세요.'],
  ['ko-honorifics', '이용자분들도 많이 계시기 때문에 검증을 하고 계신지 봅니다.', '이용자분들도 많이 있기 때문에 검증을 하고 있는지 봅니다.'],
  ['ko-honorifics', '번호를 알려 주셔야 하며, 한국어로 해 주시되 먼저 사과드리고 말씀드려야 합니다.', '번호를 알려야 하며, 한국어로 하되 먼저 사과하고 말해야 합니다.'],
  ['ko-honorifics', '생각하시기 때문에 요약하시기 바랍니다.', '생각하기 때문에 요약하시기 바랍니다.'],
  ['ko-honorifics', '글을 먼저 보여 주시고, 키워드를 알려 주시면 남겨 주신 리뷰를 봅니다.', '글을 먼저 보여 주고, 키워드를 알려 주면 남겨 준 리뷰를 봅니다.'],
  ['ko-honorifics', '서류를 받으시고 읽으시는 분, 받으시면 확인하세요.', '서류를 받고 읽는 분, 받으면 확인하세요.'],
  ['ko-honorifics', '물을 마시면 파일을 보내드리고, 미리 감사드리고 문구를 넣어 주셔야 합니다.', '물을 마시면 파일을 보내드리고, 미리 감사드리고 문구를 넣어 주셔야 합니다.'],

  ['ko-wordy-phrases', '코드를 검토할 때는 주의하세요.', '코드 검토 시 주의하세요.'],
  ['ko-wordy-phrases', '이해할 수 있도록 다시 물어보세요.', '이해하도록 다시 물어보세요.'],
  ['ko-wordy-phrases', '정확하게 답변하는 것이 좋습니다.', '정확하게 답변 권장.'],
  ['ko-wordy-phrases', '환불에 대해서는 안내하세요.', '환불에 대해서는 안내하세요.'],
  ['ko-wordy-phrases', '소리를 들을 수 있도록 하세요.', '소리를 들을 수 있도록 하세요.'],
  ['ko-wordy-phrases', '예를 들어 서울, 부산 등과 같은 도시는 아래와 같이 씁니다.', '예: 서울, 부산 등 도시는 아래처럼 씁니다.'],
  ['ko-wordy-phrases', '질문하는 것인지 규정을 근거로 하여 되도록이면 판단하세요.', '질문하는지 규정을 근거로 되도록 판단하세요.'],
  ['ko-wordy-phrases', '그 사람으로 하여금 쓰게 하세요.', '그 사람으로 하여금 쓰게 하세요.'],

  ['ko-prohibitions', '개인정보를 공유하지 마세요.', '개인정보 공유 금지.'],
  ['ko-prohibitions', '추측하지 말아 주세요.', '추측 금지.'],
  ['ko-prohibitions', '예약을 받지 마세요.', '예약 받기 금지.'],
  ['ko-prohibitions', '수익을 보장하면 안 됩니다.', '수익 보장 금지.'],
  ['ko-prohibitions', '욕설은 절대 사용하지 마.', '욕설은 절대 사용 금지.'],
  ['ko-prohibitions', '필요하지 않습니다.', '필요하지 않습니다.'],
  ['ko-prohibitions', '말하지 마세요.', '말하지 마세요.'],

  ['ko-role-lines', '당신은 친절한 고객 상담원입니다.', '역할: 친절한 고객 상담원'],
  ['ko-role-lines', '당신의 임무는 주문 문의에 답변하는 것입니다.', '임무: 주문 문의에 답변'],
  ['ko-role-lines', '문장을 번역해 주시는 것이 당신의 임무입니다.', '임무: 문장 번역'],
  ['ko-role-lines', '당신은 항상 존댓말을 사용합니다.', '항상 존댓말을 사용합니다.'],
  ['ko-role-lines', '너는 친구처럼 대화하는 챗봇이야.', '역할: 친구처럼 대화하는 챗봇'],
  ['ko-role-lines', '너는 챗봇이야. 반말로 대답해.', '너는 챗봇이야. 반말로 대답해.'],
  ['ko-role-lines', '고객은 VIP 회원입니다.', '고객은 VIP 회원입니다.'],
  ['ko-role-lines', '당신은 상담원입니다. 존댓말을 쓰세요.', '당신은 상담원입니다. 존댓말을 쓰세요.'],

  ['ko-role-padding', '역할: 유능하고 경험이 풍부한 고객 상담원', '역할: 고객 상담원'],
  ['ko-role-padding', '역할: 친절하고 전문적인 고객 상담원', '역할: 친절한 고객 상담원'],
  ['ko-role-padding', '역할: 유능하고 친절한 상담원', '역할: 친절한 상담원'],
  ['ko-role-padding', '역할: 공감 능력이 뛰어난 상담원', '역할: 공감 능력이 뛰어난 상담원'],
  ['ko-role-padding', '역할: 밝고 전문적인 상담원', '역할: 밝고 전문적인 상담원'],
  ['ko-role-padding', '이 제품은 뛰어난 성능을 갖췄습니다.', '이 제품은 뛰어난 성능을 갖췄습니다.'],

  ['ko-request-endings', '답변을 제공해 주세요.', '답변 제공.'],
  ['ko-request-endings', '결과를 요약하시기 바랍니다.', '결과 요약.'],
  ['ko-request-endings', '반드시 확인해야 합니다.', '반드시 확인.'],
  ['ko-request-endings', '존댓말을 사용하고, 쉽게 설명해 주세요.', '존댓말 사용, 쉽게 설명.'],
  ['ko-request-endings', '마을을 소개해 주세요.', '마을 소개.'],
  ['ko-request-endings', '말해 주세요.', '말해 주세요.'],
  ['ko-request-endings', '잘 해 주세요.', '잘 해 주세요.'],

  ['ko-native-verbs', '다음 규칙을 지켜 주세요.', '다음 규칙 준수.'],
  ['ko-native-verbs', '문서를 모두 읽어 주세요.', '문서를 모두 읽기.'],
  ['ko-native-verbs', '잘 들어 주세요.', '잘 들어 주세요.'],
  ['ko-native-verbs', '규정을 따르시기 바랍니다. 서류를 받으시기 바랍니다.', '규정을 따르기. 서류를 받기.'],
  ['ko-native-verbs', '코드 예시를 보여 주셔도 괜찮습니다. 증상을 여쭤보세요.', '코드 예시를 보여도 됩니다. 증상 질문.'],
  ['ko-native-verbs', '물을 마시기 바랍니다. 꼭 모으시기 바랍니다.', '물을 마시기 바랍니다. 꼭 모으시기 바랍니다.'],

  ['ko-declarative-endings', '항상 존댓말을 사용합니다.', '항상 존댓말 사용.'],
  ['ko-declarative-endings', '출력 형식은 JSON입니다.', '출력 형식은 JSON.'],
  ['ko-declarative-endings', '형식은 다음과 같습니다: {x}', '형식: {x}'],
  ['ko-declarative-endings', '확인합니다, 그리고 끝.', '확인합니다, 그리고 끝.'],
  ['ko-declarative-endings', '그것은 답이 아닙니다.', '그것은 답이 아닙니다.'],
  ['ko-declarative-endings', '요청을 처리하고 있습니다. 담당자가 결정하게 됩니다. 예시를 사용하셔도 됩니다.', '요청 처리. 담당자가 결정. 예시 사용 가능.'],
  ['ko-declarative-endings', '주된 역할은 핵심 내용을 정리하는 것입니다.', '주된 역할은 핵심 내용 정리.'],
  ['ko-declarative-endings', '상품 정보를 정리하는 일을 맡고 있습니다.', '상품 정보를 정리하는 일 담당.'],
  ['ko-declarative-endings', '정리하는 것이 좋고, 일을 하고 있습니다.', '정리하는 것이 좋고, 일을 하고 있습니다.'],

  ['duplicate-sentences', 'Keep every answer short and simple. Cite sources.\nRemember: keep every answer short and simple.', 'Keep every answer short and simple. Cite sources.'],
  ['duplicate-sentences', '- 고객 정보는 담당 부서로 전달\n- 존댓말 사용\n- 고객 정보는 담당 부서로 전달', '- 고객 정보는 담당 부서로 전달\n- 존댓말 사용'],
  // Repeats with a negation or a protected span stay: every occurrence is kept.
  ['duplicate-sentences', 'Never share the API key. Answer in English.\nRemember: never share the API key.', 'Never share the API key. Answer in English.\nRemember: never share the API key.'],
  ['duplicate-sentences', '- 개인정보를 다른 고객에게 공유 금지\n- 존댓말 사용\n- 개인정보를 다른 고객에게 공유 금지', '- 개인정보를 다른 고객에게 공유 금지\n- 존댓말 사용\n- 개인정보를 다른 고객에게 공유 금지'],
  ['duplicate-sentences', 'Reply to {name} in English.\nReply to {name} in English.', 'Reply to {name} in English.\nReply to {name} in English.'],
  ['duplicate-sentences', 'Input: yes\nOutput: positive\nInput: yes\nOutput: positive', 'Input: yes\nOutput: positive\nInput: yes\nOutput: positive'],
  ['duplicate-sentences', 'Be brief. Be brief.', 'Be brief. Be brief.'],
  ['duplicate-sentences', '1. Check the order status first.\n2. Check the order status first.', '1. Check the order status first.\n2. Check the order status first.'],

  ['whitespace', 'Answer   briefly.  \n\n\n\nUse JSON.', 'Answer briefly.\n\nUse JSON.'],
  ['whitespace', '    indented line\n  - item', '    indented line\n  - item'],
  ['whitespace', '```\ncode    block   \n\n\n\n```', '```\ncode    block   \n\n\n\n```'],
  // Found on the second verbose corpus (test/fixtures/compress/verbose2/tune).
  ['follow-reminders', '- Answer in English.\n- Cite sources.\nPlease follow these rules carefully.', '- Answer in English.\n- Cite sources.'],
  ['follow-reminders', '- 존댓말 사용.\n- 출처 표기.\n위의 규칙들을 꼭 지켜서 작성해 줘.', '- 존댓말 사용.\n- 출처 표기.'],
  ['follow-reminders', 'Follow these rules.\n- Answer in English.', 'Follow these rules.\n- Answer in English.'],
  ['follow-reminders', 'Follow the rules in the style guide.', 'Follow the rules in the style guide.'],
  ['follow-reminders', '위의 규칙을 어기지 마세요.', '위의 규칙을 어기지 마세요.'],
  ['en-filler', 'Again, just to remind you: never mention schools.', 'Never mention schools.'],
  ['en-filler', 'With that in mind, follow these steps.', 'Follow these steps.'],
  ['en-wordy-phrases', 'Write somewhere around 120 words so that the reader has context.', 'Write around 120 words so the reader has context.'],
  ['en-wordy-phrases', 'You have to reply.', 'You must reply.'],
  ['en-wordy-phrases', "You don't have to thank them. It is so that is why.", "You don't have to thank them. It is so that is why."],
  ['en-clauses', 'When you are writing the stories, be brief.', 'When writing the stories, be brief.'],
  ['en-clauses', 'When the user is writing, wait.', 'When the user is writing, wait.'],
  ['en-politeness', 'Here is the text that I want you to summarize.', 'Here is the text to summarize.'],
  ['en-politeness', "Here's what we would like you to keep in mind:", "Here's what to keep in mind:"],
  ['en-instruction-preamble', 'Read the text, and you should reply in English.', 'Read the text, and reply in English.'],
  ['en-instruction-preamble', 'The player explores the village, and your role is to describe it.', 'The player explores the village, and your role is to describe it.'],
  ['en-instruction-preamble', 'They may lose a point, and you should tell them.', 'They may lose a point, and you should tell them.'],
  ['en-intensifiers', 'Keep answers fairly short.', 'Keep answers short.'],
  ['ko-declarative-endings', '반품은 7일 이내에만 가능해요.\n주문번호는 10자리 번호예요.\n짧게 설명해도 괜찮아요.', '반품은 7일 이내에만 가능.\n주문번호는 10자리 번호.\n짧게 설명 가능.'],
  ['ko-declarative-endings', '비웃지 않는 거예요. 고객님께 미안해요.', '비웃지 않는 거예요. 고객님께 미안해요.'],
  ['ko-native-verbs', '너무 딱딱한 표현은 피해 주시면 좋겠어요.', '너무 딱딱한 표현은 피하기.'],
  ['ko-native-verbs', '짧게 칭찬해 주셔도 괜찮지만, 과장은 금지.', '짧게 칭찬해도 괜찮지만, 과장은 금지.'],
  ['ko-native-verbs', '자세하게 보여 주셔도 괜찮습니다.', '자세하게 보여도 됩니다.'],
  ['ko-polite-filler', '다시 한번 말씀드리지만, 추측하지 마세요. 참고로, 표는 생략. 고마워!', '추측하지 마세요. 표는 생략.'],
  ['ko-role-lines', '지금부터 당신은 쇼핑몰 상담원 역할을 맡게 됩니다. 고객은 성인입니다.', '역할: 쇼핑몰 상담원. 고객은 성인입니다.'],
  ['ko-role-lines', '너는 매물 소개글 작성 도우미 역할을 하게 될 거야', '역할: 매물 소개글 작성 도우미'],
  ['ko-role-lines', '너는 항상 존댓말을 써야', '너는 항상 존댓말을 써야'],
  ['ko-honorifics', '용어에 익숙하지 않으신 분들', '용어에 익숙하지 않은 분들'],
  ['ko-request-endings', '환불 일정만 안내해 주시면 돼요.', '환불 일정만 안내.'],
  ['en-articles', 'Summarize the article in a sentence and give an example.', 'Summarize article in sentence and give example.'],
  ['en-articles', 'A user may ask for the order status.', 'User may ask for order status.'],
  ['en-articles', 'List a few facts, add a little context, pick the most recent one, twice a day.', 'List a few facts, add a little context, pick the most recent one, twice a day.'],
  ['en-articles', 'Compare a and b. The "summary" field and {{topic}} stay.', 'Compare a and b. "summary" field and {{topic}} stay.'],
  ['en-clauses', 'Use the data that our agents give you.', 'Use the data our agents give you.'],
  ['en-clauses', 'Remember the fact that you must cite sources.', 'Remember the fact that you must cite sources.'],
  ['ko-native-verbs', '다음 기준을 따라 주세요. 확인이 필요하다는 점을 밝혀 주십시오.', '다음 기준 준수. 확인이 필요하다는 점 명시.'],
  ['ko-declarative-endings', '속성은 특징을 추출하는 거예요.\n출력 형식은 아래와 같습니다.\n{"a": 1}', '속성은 특징 추출.\n출력 형식:\n{"a": 1}'],
  ['ko-declarative-endings', '출력 형식은 아래와 같습니다. JSON만 출력.', '출력 형식은 아래와 같습니다. JSON만 출력.'],
  ['en-wordy-phrases', 'Check all of the fields, all the time.', 'Check all fields, all the time.'],
  ['ko-request-endings', '대안 장소를 같이 추천해 주시면 좋을 것 같아요. 비용을 계산해 주면 좋아요.', '대안 장소를 같이 추천. 비용 계산.'],
  ['ko-native-verbs', '비용을 계산해서 알려 주면 좋아요.', '비용을 계산해서 안내.'],
  ['ko-wordy-phrases', '수수료는 각각 설명해 주시는 것이 좋습니다. 요약해서 시작하는 게 좋아요.', '수수료는 각각 설명 권장. 요약해서 시작 권장.'],
  ['en-politeness', 'You will be acting as a reviewer. You will be acting on behalf of the user.', 'Act as a reviewer. You will be acting on behalf of the user.'],
  ['en-wordy-phrases', 'Flag posts that are criticizing hate speech. A task that is nothing but filler stays.', 'Flag posts criticizing hate speech. A task that is nothing but filler stays.'],
  ['en-wordy-phrases', 'It takes 3 minutes when it is read out loud. Use it if they are needed.', 'It takes 3 minutes when read out loud. Use it if needed.'],
  ['en-clauses', 'The steps that you must always follow are below.', 'The steps to always follow are below.'],
  ['ko-declarative-endings', '상품 정보가 포함되어 있습니다. 성별 조건은 금지되어 있어요.', '상품 정보가 포함됨. 성별 조건은 금지됨.'],  // Conversational padding (en-conversational / ko-conversational): positive, then what must stay.
  ['en-conversational', "Hey so you're going to be the assistant for Acme. ok so here's what I need. The thing is, users are busy.", "You're the assistant for Acme. Users are busy."],
  ['en-conversational', 'So, quick check: answer in JSON.\nOkay so the format is below. Ok so mid-line stays.', 'Quick check: answer in JSON.\nThe format is below. Ok so mid-line stays.'],
  ['en-conversational', 'So that the user can read it, keep it short.\nSo long as it parses, it is fine.', 'So that the user can read it, keep it short.\nSo long as it parses, it is fine.'],
  ['en-conversational', 'Urgency goes like this: 3 if down, 1 otherwise.', 'Urgency: 3 if down, 1 otherwise.'],
  ['en-conversational', 'Here is the format. It looks like this: {x}. What it looks like this: is fine.', 'Here is the format. It looks like this: {x}. What it looks like this: is fine.'],
  ['en-conversational', 'A couple of things that are really important for you to get right:\n- Be brief.\nA few other things:\n- Cite.\nSome stuff you need to know:\n- Use UTC.', 'Important:\n- Be brief.\nAlso:\n- Cite.\nNotes:\n- Use UTC.'],
  ['en-conversational', 'A few things matter: speed and cost.', 'A few things matter: speed and cost.'],
  ['en-conversational', 'Be brief.\n\nOh and one last thing, never guess. One more thing: cite sources. Oh, and keep it short.', 'Be brief.\n\nNever guess. Cite sources. Keep it short.'],
  ['en-conversational', 'Output the JSON.\nThanks, that\'s basically it!', 'Output the JSON.'],
  ['en-conversational', "Output the JSON. That's all it needs.", "Output the JSON. That's all it needs."],
  ['en-conversational', "If it's kind of two things, pick one. You're basically our SQL buddy.", "If it's two things, pick one. You're our SQL buddy."],
  ['en-conversational', 'What kind of food is it? Any sort of request counts. The kinds of errors vary.', 'What kind of food is it? Any sort of request counts. The kinds of errors vary.'],
  ['en-conversational', 'If unsure, just ask. Don\'t list every file, just group them. I want you to just flag it.', 'If unsure, ask. Don\'t list every file, group them. I want you to flag it.'],
  ['en-conversational', 'Return just the JSON. Just say "no". Just return the SQL. They just booked a bike. Just the title.', 'Return just the JSON. Just say "no". Just return the SQL. They just booked a bike. Just the title.'],
  ['en-conversational', "You're going to help sort emails. You are going to review code. Avoid idioms as much as you can.", "You'll help sort emails. You will review code. Avoid idioms."],
  ['en-conversational', 'You are going to be judged on accuracy. Eat as much as you can hold.', 'You are going to be judged on accuracy. Eat as much as you can hold.'],
  ['en-conversational', 'They are lazy lol. Most of the time they ask about stock, and honestly nobody reads it.', 'They are lazy. Usually they ask about stock, and nobody reads it.'],
  // Regression (verbose2/fresh/15): "honestly" says how to say so; not a filler.
  ['en-conversational', 'If the cause is unclear, say so honestly rather than guessing.', 'If the cause is unclear, say so honestly rather than guessing.'],
  ['en-filler', 'As I said, keep it short. Just to give you some context, the team is small.', 'Keep it short. The team is small.'],
  ['ko-conversational', '자, 일단 상황부터 설명할게요. 너는 주문 봇이에요. 일단 간단하게 설명하면, 너는 도우미야.', '너는 주문 봇이에요. 너는 도우미야.'],
  ['ko-conversational', '일단 힌트부터 줘. 판단이 애매하면 일단 true로 해. 상황을 설명하면 도움이 돼.', '일단 힌트부터 줘. 판단이 애매하면 일단 true로 해. 상황을 설명하면 도움이 돼.'],
  ['ko-conversational', '그리고 마지막으로 하나 더, 말투는 해요체. 하나 더, 표는 금지. 그리고 코드는 고치지 마.', '말투는 해요체. 표는 금지. 코드는 고치지 마.'],
  ['ko-conversational', '하나 더 추가해 줘. 이 정도면 돼.', '하나 더 추가해 줘. 이 정도면 돼.'],
  ['ko-conversational', '코드를 봐 줘.\n뭐 대충 이 정도야. 코드: {code}', '코드를 봐 줘.\n코드: {code}'],
  ['ko-conversational', '그냥 모른다고 하고 넘어가. 영업시간은 9시까지라는 거 알아 두세요. 차이가 크다는 점을 기억해 주세요.', '모른다고 하고 넘어가. 영업시간은 9시까지. 차이가 크다.'],
  ['ko-conversational', '차이가 크다는 점을 고려해 주세요. 그냥이라는 말은 쓰지 마.', '차이가 크다는 점을 고려해 주세요. 그냥이라는 말은 쓰지 마.'],
  ['ko-conversational', '손님들이 메시지를 보내거든요. 문제가 있거든요. 주니어들이 무서워하거든. 그건 린터가 처리되거든.', '손님들이 메시지를 보내요. 문제가 있어요. 주니어들이 무서워해. 그건 린터가 처리돼.'],
  ['ko-conversational', '질문이 있거든 물어봐. 너무 어렵거든요. 메뉴거든요. 듣거든요.', '질문이 있거든 물어봐. 너무 어렵거든요. 메뉴거든요. 듣거든요.'],
  ['ko-conversational', '몇 가지 꼭 지켜 주셨으면 하는 것들이 있어요:\n- 존댓말.\n몇 가지 참고해 주셨으면 하는 게 있는데요:\n- 표 금지.', '규칙:\n- 존댓말.\n참고:\n- 표 금지.'],
  ['ko-conversational', '몇 가지 꼭 지켜 주셨으면 하는 것들이 있어요. 첫째는 존댓말이에요.', '몇 가지 꼭 지켜 주셨으면 하는 것들이 있어요. 첫째는 존댓말이에요.'],
  ['ko-request-endings', '문체는 통일해 주셨으면 좋겠어요. 답은 요약해 줬으면 좋겠어.', '문체는 통일. 답은 요약.'],
];

describe('compress rules', () => {
  it('every rule has a positive and a negative case here', () => {
    for (const rule of COMPRESS_RULES) {
      const mine = CASES.filter(([id]) => id === rule.id);
      assert.ok(mine.some(([, input, output]) => input !== output), `${rule.id}: no positive case`);
      assert.ok(mine.some(([, input, output]) => input === output), `${rule.id}: no negative case`);
    }
  });

  for (const rule of COMPRESS_RULES) {
    describe(rule.id, () => {
      it('turns its documented example into the documented result', () => {
        assert.equal(runOnly(rule.id, rule.example.before), rule.example.after);
      });
      for (const [id, input, output] of CASES.filter(([id]) => id === rule.id)) {
        it(`${input === output ? 'leaves' : 'rewrites'} ${JSON.stringify(input)}`, () => {
          assert.equal(runOnly(id, input), output);
        });
      }
    });
  }

  it('docs/compression.md lists every rule', () => {
    const docs = readFileSync(join(__dirname, '..', '..', '..', 'docs', 'compression.md'), 'utf8');
    for (const rule of COMPRESS_RULES) assert.ok(docs.includes(`| \`${rule.id}\` | ${rule.language} |`), rule.id);
  });

  it('rule ids are unique and each rule names its language', () => {
    const ids = COMPRESS_RULES.map((r) => r.id);
    assert.equal(new Set(ids).size, ids.length);
    for (const r of COMPRESS_RULES) assert.ok(['en', 'ko', 'any'].includes(r.language), r.id);
  });
});
