import { viewFramePolicy } from '../sandbox/csp.ts';
import { bootFrame, createNonce, createSandboxedFrame, frameDocument } from '../sandbox/frame-document.ts';
import type { PageSlot, Shell } from '../shell/shell.ts';
import type { ViewFramePayload } from '../view-frame/view-boot.ts';

/** How long after a swap the new spare frame boots (it parses the whole view bundle). */
const SWAP_WARM_DELAY_MS = 1000;

/** A booted view frame in its slot, with the host's ends of its two ports. */
export interface PageFrame {
  slot: PageSlot;
  protocol: MessagePort;
  control: MessagePort;
  /** Pinged by a watchdog: a wxs loop stalls the frame's thread. */
  heartbeat: MessagePort;
}

/**
 * Makes page frames, keeping one booted ahead: parsing the view bundle and the package's
 * templates takes a frame longer than a navigation should, so the next page's frame is
 * ready before the program asks for it.
 */
export class PageFrames {
  private spare: PageFrame | undefined;
  private warming: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly shell: Shell,
    private readonly code: string,
    private payload: ViewFramePayload,
    /** Called when a frame navigates away from its document (the program must end). */
    private readonly onLeave: () => void,
    /** Whether the frame may start workers (a tiled map's). */
    private readonly policy: { workers?: boolean } = {},
  ) {}

  /** The spare frame, or a new one when none is ready. */
  take(): PageFrame {
    const frame = this.spare ?? this.boot();
    this.spare = undefined;
    return frame;
  }

  /** Boots the next spare frame after `delay` ms (once the current work is done). */
  warm(delay = 50): void {
    if (this.spare || this.warming !== undefined) return;
    this.warming = setTimeout(() => {
      this.warming = undefined;
      this.spare ??= this.boot();
    }, delay);
  }

  /**
   * `plaza dev` changed some templates: frames booted from now on run `code` after the
   * package's `view.js`, and the spare, booted with the old ones, is made again.
   */
  swapView(code: string): void {
    this.payload = { ...this.payload, view: `${this.payload.view}\n${code}` };
    const hadSpare = this.spare !== undefined || this.warming !== undefined;
    this.dispose();
    // Later than after a navigation: the frames on screen render the change first.
    if (hadSpare) this.warm(SWAP_WARM_DELAY_MS);
  }

  dispose(): void {
    if (this.warming !== undefined) clearTimeout(this.warming);
    this.warming = undefined;
    this.spare?.slot.element.remove();
    this.spare?.protocol.close();
    this.spare?.control.close();
    this.spare?.heartbeat.close();
    this.spare = undefined;
  }

  private boot(): PageFrame {
    const nonce = createNonce();
    const doc = this.shell.root.ownerDocument;
    const policy = viewFramePolicy(nonce, this.payload.webViewOrigins, this.policy);
    const frame = createSandboxedFrame(doc, frameDocument(policy, nonce), 'mini program page');
    const protocol = new MessageChannel();
    const control = new MessageChannel();
    const heartbeat = new MessageChannel();
    const slot = this.shell.createSlot(frame);
    bootFrame(frame, this.code, this.payload, [protocol.port2, control.port2, heartbeat.port2], () => {
      // The spare frame leaving is as fatal: it would run the next page.
      if (frame.isConnected) this.onLeave();
    });
    return { slot, protocol: protocol.port1, control: control.port1, heartbeat: heartbeat.port1 };
  }
}
