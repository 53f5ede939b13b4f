// Source text of small LLM programs, shared by the unit tests (audited by the real engine in
// test/unit/extension/sources.ts) and the integration tests (written into the host's workspace). Plain strings with no
// imports, so scripts/vscode-host/run-integration.ts can bundle it into the in-host suite as is.

export const SUPPORT_BOT = `from openai import OpenAI

client = OpenAI()

SYSTEM_PROMPT = """You are a helpful support assistant for an online shop. Answer in two sentences at most."""

TRANSLATE_PROMPT = "Translate the customer's message into English and keep product names unchanged."


def answer(question: str) -> str:
    response = client.chat.completions.create(
        model="gpt-4o",
        max_tokens=300,
        messages=[{"role": "system", "content": SYSTEM_PROMPT}, {"role": "user", "content": f"Customer question: {question}"}],
    )
    return response.choices[0].message.content
`;

export const UNKNOWN_MODEL = `from openai import OpenAI

client = OpenAI()
client.chat.completions.create(model="acme-internal-llm-7", messages=[{"role": "user", "content": "Summarize the ticket."}])
`;

export const CLAUDE = `import anthropic

client = anthropic.Anthropic()
client.messages.create(model="claude-3-5-sonnet-latest", max_tokens=200, messages=[{"role": "user", "content": "Review the following contract for risky clauses."}])
`;

/** Seventy rules: a static system prompt long enough to cache. */
export const KB = Array.from({ length: 70 }, (_, i) => `Rule ${i + 1}: customers of Meridian Bank can freeze a card in the app under Cards > Freeze and report it lost there.`).join('\n');

/** Three safe fixes (cap to the model maximum, cache_control, layout-only compression) and unsafe ones. */
export const FIX_ALL = `import anthropic
from openai import OpenAI

client = OpenAI()
claude = anthropic.Anthropic()

KB = """${KB}"""

STYLE = """Answer in plain English.    Keep answers short.


Answer in plain English. Cite the policy number when there is one.   Keep answers short.
Answer in plain English."""


def report(figures: str) -> str:
    response = client.chat.completions.create(model="gpt-4o", max_tokens=32000, messages=[{"role": "system", "content": STYLE}, {"role": "user", "content": figures}])
    return response.choices[0].message.content


def answer(question: str) -> str:
    message = claude.messages.create(
        model="claude-3-5-sonnet-latest",
        max_tokens=300,
        system=KB,
        messages=[{"role": "user", "content": question}],
    )
    return message.content[0].text
`;

/** A wordy system prompt the compressor rewords ("Compress prompt" with a diff). */
export const WORDY = `from openai import OpenAI

client = OpenAI()

SYSTEM_PROMPT = """You are a highly sophisticated and knowledgeable customer support AI assistant with extensive
training in handling complex e-commerce inquiries. You should always be polite, professional, and thorough in your
responses. Please make sure that you always answer the customer's question in a very clear and concise manner."""


def answer(question: str) -> str:
    response = client.chat.completions.create(
        model="gpt-4o",
        max_tokens=300,
        messages=[{"role": "system", "content": SYSTEM_PROMPT}, {"role": "user", "content": question}],
    )
    return response.choices[0].message.content
`;
