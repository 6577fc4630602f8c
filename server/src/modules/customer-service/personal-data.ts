import type { BlobStore } from '../../blobs/index.ts';
import type { Db } from '../../db/database.ts';
import type { PersonalDataContributor } from '../../personal-data/index.ts';
import { deleteConversationsOfUser, listConversationsOfUser } from './conversation.repository.ts';
import {
  deleteMessagesOfUser,
  deleteReportsOfUser,
  imageBlobInUse,
  imageBlobsOfUser,
  listMessagesOfUser,
  listReportsOfUser,
} from './support-message.repository.ts';

/** The user's customer-service chats, their lines (images by hash) and reports, for data rights. */
export function customerServicePersonalData(db: Db, blobs: BlobStore): PersonalDataContributor {
  return {
    section: 'customer_service',
    async export(userId) {
      const [conversations, lines, reports] = await Promise.all([
        listConversationsOfUser(db, userId),
        listMessagesOfUser(db, userId),
        listReportsOfUser(db, userId),
      ]);
      return {
        conversations: conversations.map((c) => ({
          id: c.id,
          app_id: c.app_id,
          status: c.status,
          blocked_at: c.blocked_at === null ? null : Number(c.blocked_at),
          created_at: Number(c.created_at),
        })),
        messages: lines.map((m) => ({
          id: m.id,
          conversation_id: m.conversation_id,
          sender: m.sender,
          kind: m.kind,
          text: m.text,
          image_sha256: m.image_blob,
          card: m.card === null ? null : (JSON.parse(m.card) as unknown),
          created_at: Number(m.created_at),
        })),
        reports: reports.map((r) => ({
          id: r.id,
          conversation_id: r.conversation_id,
          reason: r.reason,
          note: r.note,
          created_at: Number(r.created_at),
        })),
      };
    },
    async erase(userId, trx) {
      const images = await imageBlobsOfUser(trx, userId);
      await deleteMessagesOfUser(trx, userId);
      await deleteConversationsOfUser(trx, userId);
      await deleteReportsOfUser(trx, userId);
      // Bytes another line still shows (the same image sent by someone else) stay.
      for (const sha256 of new Set(images))
        if (!(await imageBlobInUse(trx, sha256))) await blobs.delete(sha256);
    },
    async appsUsed(userId) {
      return (await listConversationsOfUser(db, userId)).map((c) => c.app_id);
    },
  };
}
