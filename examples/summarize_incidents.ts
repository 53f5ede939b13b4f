// Weekly engineering digest: summarises every incident report written this week into a few bullet points
// and posts the digest to the #eng-weekly channel.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { openai } from '@ai-sdk/openai';
import { generateText } from 'ai';

const SUMMARY_SYSTEM = `You summarise internal incident reports for the weekly engineering digest.
Readers are engineers and managers who did not take part in the incident.
For each report write at most five bullet points: what broke, who was affected and for how long,
the root cause, what fixed it, and the follow-up actions with their owners.
Do not speculate beyond the report. Keep product names and ticket numbers exactly as written.`;

export interface IncidentSummary {
  file: string;
  summary: string;
}

export async function summariseIncidents(folder: string): Promise<IncidentSummary[]> {
  const files = (await readdir(folder)).filter((name) => name.endsWith('.md')).sort();
  const summaries: IncidentSummary[] = [];

  for (const file of files) {
    const report = await readFile(join(folder, file), 'utf8');
    const { text } = await generateText({
      model: openai('gpt-4o'),
      system: SUMMARY_SYSTEM,
      prompt: `Summarise the incident report below.\n\nReport file: ${file}\n\n${report}`,
      maxTokens: 2000,
    });
    summaries.push({ file, summary: text.trim() });
  }

  return summaries;
}

export async function writeDigestIntro(summaries: IncidentSummary[]): Promise<string> {
  const { text } = await generateText({
    model: openai('gpt-4o-mini'),
    prompt:
      'Write a two-sentence introduction for this week\'s incident digest. ' +
      `There were ${summaries.length} incidents. Mention the most severe one by name.\n\n` +
      summaries.map((s) => `- ${s.file}: ${s.summary.split('\n')[0]}`).join('\n'),
    maxTokens: 120,
  });
  return text;
}
