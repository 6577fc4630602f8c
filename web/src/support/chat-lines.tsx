import { useEffect, useRef } from 'react';
import { type ChatLine, yuan } from './chat-line.ts';
import './chat.css';

/**
 * A chat's lines as bubbles: the viewer's own on the right, the other party's on the
 * left; an image shown from the platform, a card as the page or order it names.
 */
export function ChatLines({
  lines,
  own,
  agentName,
}: {
  lines: ChatLine[];
  own: 'user' | 'merchant';
  /** How a merchant line names who wrote it (the agent inbox shows it). */
  agentName?: (line: ChatLine) => string | null;
}) {
  const end = useRef<HTMLDivElement>(null);
  // Braces: newer browsers' scrollIntoView returns a promise, which React would take for a cleanup.
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new line is what scrolls the chat to its end
  useEffect(() => {
    end.current?.scrollIntoView({ block: 'end' });
  }, [lines.length]);
  return (
    <div className="chat-lines" data-testid="chat-lines">
      {lines.map((line) => (
        <div
          key={line.message_id}
          className={`chat-line ${line.sender === own ? 'own' : 'theirs'}`}
          data-testid="chat-line"
          data-sender={line.sender}
        >
          {line.kind === 'text' && <p className="bubble">{line.text}</p>}
          {line.kind === 'image' && line.image_url && (
            <img className="bubble image" src={line.image_url} alt="Sent" />
          )}
          {line.kind === 'card' && line.card && (
            <div className="chat-card" data-testid="chat-card" data-card={line.card.type}>
              <strong>{line.card.type === 'order' ? line.card.subject : line.card.title}</strong>
              {line.card.type === 'order' ? (
                <span>
                  Order {line.card.out_order_no} · {yuan(line.card.total_amount ?? 0)} · {line.card.status}
                </span>
              ) : (
                <span className="muted">{line.card.path}</span>
              )}
            </div>
          )}
          {line.sender === 'merchant' && agentName?.(line) && <span className="by">{agentName(line)}</span>}
        </div>
      ))}
      <div ref={end} />
    </div>
  );
}

/** The reply box: a line of text, an image, and the send button. */
export function ChatComposer({
  onText,
  onImage,
  value,
  onChange,
  disabled,
}: {
  onText(text: string): Promise<void>;
  onImage(file: File): Promise<void>;
  value: string;
  onChange(value: string): void;
  disabled?: boolean;
}) {
  return (
    <form
      className="chat-composer"
      onSubmit={(e) => {
        e.preventDefault();
        if (value.trim()) void onText(value);
      }}
    >
      <label className="chat-attach" aria-label="Send an image">
        ＋
        <input
          type="file"
          accept="image/jpeg,image/png,image/webp"
          hidden
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            if (file) void onImage(file);
          }}
        />
      </label>
      <input
        name="chat-text"
        value={value}
        placeholder="Write a message"
        maxLength={2000}
        onChange={(e) => onChange(e.target.value)}
        disabled={disabled}
      />
      <button type="submit" disabled={disabled || !value.trim()}>
        Send
      </button>
    </form>
  );
}
