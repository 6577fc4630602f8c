import { useState } from 'react';
import { ChatComposer, ChatLines } from './chat-lines.tsx';
import { closeChat, report, sendImage, sendText, setBlocked, useChat } from './chat-store.ts';

/** The chat between the user and a merchant, over the mini program that opened it. */
export function ChatSheet() {
  const chat = useChat();
  const [text, setText] = useState('');
  const [menu, setMenu] = useState(false);
  if (!chat.app) return null;
  return (
    <section className="chat-sheet" data-testid="chat-sheet" aria-label={`Chat with ${chat.app.name}`}>
      <header className="chat-header">
        <button type="button" className="icon-button" aria-label="Close chat" onClick={closeChat}>
          ‹
        </button>
        <strong>{chat.app.name}</strong>
        <button
          type="button"
          className="icon-button"
          aria-label="Chat options"
          onClick={() => setMenu(!menu)}
        >
          ⋯
        </button>
      </header>
      {menu && (
        <div className="chat-menu" role="menu">
          <button
            type="button"
            role="menuitem"
            onClick={() => void setBlocked(!chat.blocked).then(() => setMenu(false))}
          >
            {chat.blocked ? 'Unblock' : 'Block this merchant'}
          </button>
          <button
            type="button"
            role="menuitem"
            onClick={() => void report('spam').then(() => setMenu(false))}
          >
            Report as spam
          </button>
        </div>
      )}
      {chat.blocked && <p className="notice">You blocked this merchant: their messages do not reach you.</p>}
      {chat.reported && <p className="notice">Thank you: the platform will look at this chat.</p>}
      <ChatLines lines={chat.lines} own="user" />
      {chat.error && (
        <p className="error" role="alert">
          {chat.error}
        </p>
      )}
      <ChatComposer
        value={text}
        onChange={setText}
        onText={async (t) => {
          if (await sendText(t)) setText('');
        }}
        onImage={async (file) => {
          await sendImage(file);
        }}
      />
    </section>
  );
}
