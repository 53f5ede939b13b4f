// Routes incoming helpdesk tickets to a queue. Runs in the ticket-ingest worker for every new ticket.
import OpenAI from 'openai';

const openai = new OpenAI();

export type Queue = 'billing' | 'technical' | 'account' | 'sales' | 'other';

const QUEUES: Queue[] = ['billing', 'technical', 'account', 'sales', 'other'];

const CLASSIFIER_PROMPT = `You are a ticket classifier for a SaaS helpdesk.
Read the ticket and answer with exactly one word, the name of the queue it belongs to:
billing, technical, account, sales or other.
Do not explain your answer.`;

export interface Ticket {
  id: string;
  subject: string;
  body: string;
}

export async function classifyTicket(ticket: Ticket): Promise<Queue> {
  const completion = await openai.chat.completions.create({
    model: 'gpt-4o',
    max_tokens: 4096,
    temperature: 0,
    messages: [
      { role: 'system', content: CLASSIFIER_PROMPT },
      { role: 'user', content: `Subject: ${ticket.subject}\n\n${ticket.body}` },
    ],
  });
  const answer = (completion.choices[0]?.message.content ?? '').trim().toLowerCase();
  return QUEUES.find((queue) => answer.startsWith(queue)) ?? 'other';
}

export async function classifyBacklog(tickets: Ticket[]): Promise<Map<string, Queue>> {
  const routed = new Map<string, Queue>();
  for (const ticket of tickets) {
    routed.set(ticket.id, await classifyTicket(ticket));
  }
  return routed;
}
