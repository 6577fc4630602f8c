import type { KeywordType } from './keyword-types.ts';
import type { MessageStatus, TemplateKind } from './messages.table.ts';

/** A keyword field of a library template; `kid` is its position, fixed once published. */
export interface LibraryKeyword {
  kid: number;
  name: string;
  type: KeywordType;
}

export interface LibraryTemplate {
  id: string;
  category: string;
  title: string;
  kind: TemplateKind;
  keywords: LibraryKeyword[];
  status: 'active' | 'banned';
  createdAt: number;
}

/** A keyword an app uses: `key` (e.g. `thing1`, `amount3`) is how the send names its value. */
export interface TemplateKeyword {
  key: string;
  name: string;
  type: KeywordType;
}

export interface AppTemplate {
  id: string;
  appid: string;
  libraryId: string;
  title: string;
  kind: TemplateKind;
  keywords: TemplateKeyword[];
  scene: string | null;
  createdAt: number;
}

/** The result per template of a consent request, in the dialects' words. */
export type SubscribeResult = 'accept' | 'reject' | 'ban' | 'filter';

/** What the host's consent sheet shows for one template. */
export interface SubscribeSheetItem {
  template: AppTemplate;
  /** The user's "always" choice: the sheet is skipped and this answer given. */
  remembered: 'accept' | 'reject' | null;
  /** `ban`: the template is withdrawn; `filter`: its title repeats another's in the request. */
  unavailable: 'ban' | 'filter' | null;
}

export interface SubscribeSheet {
  app: { appid: string; name: string; iconUrl: string | null };
  kind: TemplateKind;
  items: SubscribeSheetItem[];
  /** True when every template is remembered or unavailable: no sheet need be shown. */
  decided: boolean;
}

/** A sent message, as the app's server and the user's inbox see it. */
export interface Message {
  id: string;
  appid: string;
  templateId: string;
  title: string;
  /** Keyword values in the template's order, with their names. */
  fields: { key: string; name: string; value: string }[];
  page: string | null;
  status: MessageStatus;
  sentAt: number;
  deliveredAt: number | null;
  readAt: number | null;
  openedAt: number | null;
  /** When an order followed the open (within a day): the funnel's last step. */
  orderedAt: number | null;
}

/** One template's funnel over a period: sent → delivered → opened → order. */
export interface TemplateFunnel {
  templateId: string;
  title: string;
  sent: number;
  delivered: number;
  opened: number;
  ordered: number;
}

/** What the app's server sends. */
export interface SendInput {
  openid: string;
  templateId: string;
  data: Record<string, string>;
  page?: string | undefined;
  /**
   * How `data` names each value: by the keyword's `key` (`thing1`, as Plaza and WeChat do,
   * the default) or by its `name` (`物品名称`, as Douyin does).
   */
  dataBy?: 'key' | 'name';
}
