/**
 * Reads server-sent events from a stream until `count` events named `name` arrived; their
 * data parsed as JSON.
 */
export async function readEvents(
  res: Response,
  count: number,
  name = 'message',
): Promise<Record<string, unknown>[]> {
  const reader = (res.body as ReadableStream<Uint8Array>).getReader();
  const decoder = new TextDecoder();
  const events: Record<string, unknown>[] = [];
  let buffer = '';
  while (events.length < count) {
    const { value, done } = await reader.read();
    if (done) break;
    buffer += decoder.decode(value, { stream: true });
    let end = buffer.indexOf('\n\n');
    while (end >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      if (block.startsWith(`event: ${name}\n`))
        events.push(JSON.parse(block.slice(block.indexOf('data: ') + 6)));
      end = buffer.indexOf('\n\n');
    }
  }
  await reader.cancel();
  return events;
}
