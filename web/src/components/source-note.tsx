// "(source: …)" after a rule's text, naming the source by its title from the
// knowledge base's source list (GET /api/v1/kb/sources), not by its id.
import { useNames } from '../names';

export function SourceNote({ id, prefix = ' (source: ', suffix = ')' }: { id: string; prefix?: string; suffix?: string }) {
  const names = useNames();
  if (!id) return null;
  return (
    <span class="source small" data-source={id}>
      {prefix}
      {names.of('sources', id)}
      {suffix}
    </span>
  );
}
