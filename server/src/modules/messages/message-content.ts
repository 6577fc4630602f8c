import { messageErrors } from './errors.ts';
import { keywordValueProblem } from './keyword-types.ts';
import type { AppTemplate, Message } from './messages.model.ts';
import type { MessageRow } from './messages.table.ts';

export type MessageField = Message['fields'][number];

/**
 * Checks the data of a send against the template: every keyword present and fitting its
 * type, no other key. Returns the fields in the template's order.
 */
export function checkedFields(
  template: AppTemplate,
  data: Record<string, string>,
  by: 'key' | 'name' = 'key',
): MessageField[] {
  const label = (k: AppTemplate['keywords'][number]) => (by === 'key' ? k.key : k.name);
  for (const key of Object.keys(data)) {
    if (!template.keywords.some((k) => label(k) === key)) {
      throw messageErrors.DATA_INVALID({ key, problem: 'not a keyword of this template' });
    }
  }
  return template.keywords.map((keyword) => {
    const value = Object.hasOwn(data, label(keyword)) ? data[label(keyword)] : undefined;
    if (value === undefined) throw messageErrors.DATA_INVALID({ key: label(keyword), problem: 'missing' });
    const problem = keywordValueProblem(keyword.type, value);
    if (problem !== null) throw messageErrors.DATA_INVALID({ key: keyword.key, type: keyword.type, problem });
    return { key: keyword.key, name: keyword.name, value };
  });
}

/** A page of the mini program (`pages/order/detail?id=1`): no scheme, no host, no climbing out. */
export function checkedPage(page: string | undefined): string | null {
  if (page === undefined || page === '') return null;
  const path = page.split('?')[0] ?? '';
  const ok =
    page.length <= 512 &&
    /^\/?[A-Za-z0-9_-]+(\/[A-Za-z0-9_.-]+)*(\?[^#\s]*)?$/.test(page) &&
    !path.split('/').some((part) => part === '..' || part === '.');
  if (!ok) throw messageErrors.PAGE_INVALID({ page: page.slice(0, 100) });
  return page.replace(/^\//, '');
}

export function toMessage(row: MessageRow, appid: string): Message {
  return {
    id: row.id,
    appid,
    templateId: row.template_id,
    title: row.title,
    fields: JSON.parse(row.data) as MessageField[],
    page: row.page,
    status: row.status,
    sentAt: Number(row.sent_at),
    deliveredAt: row.delivered_at === null ? null : Number(row.delivered_at),
    readAt: row.read_at === null ? null : Number(row.read_at),
    openedAt: row.opened_at === null ? null : Number(row.opened_at),
    orderedAt: row.ordered_at === null ? null : Number(row.ordered_at),
  };
}
