/** A line of a customer-service chat, as the platform sends it (user and agent sides alike). */
export interface ChatLine {
  message_id: string;
  conversation_id: string;
  appid: string;
  sender: 'user' | 'merchant';
  agent_account_id: string | null;
  kind: 'text' | 'image' | 'card';
  text: string | null;
  image_url: string | null;
  image_type: string | null;
  card: {
    type: 'page' | 'order';
    path: string;
    title: string;
    out_order_no?: string;
    subject?: string;
    total_amount?: number;
    status?: string;
  } | null;
  created_at: number;
}

/** Adds lines that arrived (live or fetched) to a chat's lines, oldest first, each once. */
export function mergeLines(lines: ChatLine[], more: ChatLine[]): ChatLine[] {
  const byId = new Map(lines.map((l) => [l.message_id, l]));
  for (const l of more) byId.set(l.message_id, l);
  return [...byId.values()].sort((a, b) => (a.message_id < b.message_id ? -1 : 1));
}

/** Amounts in minor units as the user reads them (¥32.00). */
export const yuan = (cents: number) => `¥${(cents / 100).toFixed(2)}`;
