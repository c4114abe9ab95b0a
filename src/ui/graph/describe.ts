import type { StepView } from '../../tracer/view';

/** The graph state at a step in words, for screen readers. */
export function describeView(view: StepView): string {
  const parts: string[] = [];
  for (const [node, hl] of view.highlights) parts.push(`${node}: ${hl.map((h) => h.variable).join(', ')}`);
  const badges = [...view.badges].map(([node, text]) => `${node} = ${text}`);
  if (parts.length === 0 && badges.length === 0) return 'No node is highlighted.';
  return [parts.length ? `Highlighted: ${parts.join('; ')}.` : '', badges.length ? `Badges: ${badges.join('; ')}.` : '']
    .join(' ')
    .trim();
}
