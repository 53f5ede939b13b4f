"""Support assistant behind the help widget on acme.cloud.

Answers questions about plans, billing and account access, and hands the conversation to a human agent when it
cannot help. Conversations are kept in memory per widget session.
"""

import os
from dataclasses import dataclass, field

from openai import OpenAI

client = OpenAI(api_key=os.environ["OPENAI_API_KEY"])

CHAT_MODEL = "gpt-4o"
ROUTER_MODEL = "gpt-4o-mini"

SYSTEM_PROMPT = """You are the support assistant for Acme Cloud, a managed hosting platform for small teams.

Answer questions about plans, invoices, payment methods, account access and the status of the platform.
Be friendly and concise. Use short paragraphs and numbered steps for instructions.

Rules:
- Never promise refunds, credits or discounts. Say that a billing specialist will review the request.
- Never ask for a full card number, a password or a one-time code.
- If the customer reports an outage, link to https://status.acme.cloud and say the team has been notified.
- If you do not know the answer, say so and offer to hand the conversation to a human agent.

Plans: Starter ($9/month, 1 project), Team ($49/month, 10 projects, SSO), Business ($199/month, unlimited projects,
priority support). Annual billing saves two months. Plans can be changed at any time from Settings > Billing.
"""

ESCALATION_PROMPT = (
    "Decide whether this support message must go to a human agent. "
    "Answer YES for legal threats, security incidents, refund demands over $500 or an angry customer; "
    "otherwise answer NO. Answer with YES or NO only."
)


@dataclass
class Conversation:
    customer_name: str
    plan: str
    history: list[dict] = field(default_factory=list)


def answer(conversation: Conversation, question: str) -> str:
    messages = [
        {"role": "system", "content": SYSTEM_PROMPT},
        {
            "role": "system",
            "content": f"The customer is {conversation.customer_name}, on the {conversation.plan} plan.",
        },
        *conversation.history,
        {"role": "user", "content": question},
    ]
    # prompt-audit: 5000/day
    response = client.chat.completions.create(
        model=CHAT_MODEL,
        messages=messages,
        max_tokens=800,
        temperature=0.2,
    )
    reply = response.choices[0].message.content or ""
    conversation.history.append({"role": "user", "content": question})
    conversation.history.append({"role": "assistant", "content": reply})
    return reply


def needs_human(question: str) -> bool:
    # prompt-audit: 5000/day
    response = client.chat.completions.create(
        model=ROUTER_MODEL,
        messages=[
            {"role": "system", "content": ESCALATION_PROMPT},
            {"role": "user", "content": question},
        ],
        max_tokens=1,
        temperature=0,
    )
    return (response.choices[0].message.content or "").strip().upper().startswith("Y")


def handle(conversation: Conversation, question: str) -> str:
    if needs_human(question):
        return "I'm connecting you with a member of our support team. They usually reply within 10 minutes."
    return answer(conversation, question)
