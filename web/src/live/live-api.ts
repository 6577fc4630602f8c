import { type Anchor, api } from '../api.ts';

/** A live room as the platform sends it (GET /api/live/rooms/:id). */
export interface LiveRoom {
  room_id: string;
  title: string;
  creator: { id: string; name: string };
  status: 'live' | 'ended';
  started_at: string;
  ended_at: string | null;
  likes: number;
  joins: number;
  viewers: number;
  pinned: Anchor | null;
  playlist_url: string;
}

export interface LiveComment {
  comment_id: string;
  user: { id: string; name: string };
  text: string;
  at: string;
}

export const liveApi = {
  rooms: (status: 'live' | 'ended') =>
    api<{ items: LiveRoom[] }>('GET', `/api/live/rooms?status=${status}&limit=20`),
  room: (id: string) => api<LiveRoom>('GET', `/api/live/rooms/${encodeURIComponent(id)}`),
  comments: (id: string) =>
    api<{ items: LiveComment[] }>('GET', `/api/live/rooms/${encodeURIComponent(id)}/comments`),
  comment: (id: string, text: string) =>
    api<LiveComment>('POST', `/api/live/rooms/${encodeURIComponent(id)}/comments`, { text }),
  like: (id: string, count: number) =>
    api<{ likes: number }>('POST', `/api/live/rooms/${encodeURIComponent(id)}/likes`, { count }),
  stream: (id: string) => new EventSource(`/api/live/rooms/${encodeURIComponent(id)}/stream`),
};
