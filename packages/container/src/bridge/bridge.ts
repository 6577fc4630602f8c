import {
  type HostToLogicMessage,
  type LogicToHostMessage,
  type LogicToViewMessage,
  type Message,
  messageTypes,
  parseMessage,
  type ViewToLogicMessage,
} from '@plaza/runtime';

/** A page's view frame as the bridge sees it: where its messages go. */
export interface ViewEndpoint {
  /** The page instance the frame renders. */
  readonly pageId: string;
  post(message: LogicToViewMessage): void;
}

export interface BridgeHooks {
  /** The logic created a page: the shell makes its frame. */
  pageCreated(message: Extract<LogicToViewMessage, { type: 'page.create' }>): ViewEndpoint;
  pageDestroyed(pageId: string): void;
  navigated(message: Extract<LogicToViewMessage, { type: 'page.navigate' }>): void;
  /** host.call, error, log and page.event.result from the logic. */
  toHost(message: LogicToHostMessage): void;
  /** A message refused at a hop: logged, never delivered. */
  dropped(from: 'logic' | 'view' | 'host', reason: string): void;
  /** Sees every valid logic → view message (developer tools mirror page data from it). */
  observe?(message: LogicToViewMessage): void;
}

// Which hop each message type may take: the protocol's own lists, so a new message cannot be forgotten here.
const LOGIC_TO_VIEW: ReadonlySet<string> = messageTypes.logicToView;
const LOGIC_TO_HOST: ReadonlySet<string> = messageTypes.logicToHost;
const VIEW_TO_LOGIC: ReadonlySet<string> = messageTypes.viewToLogic;
const HOST_TO_LOGIC: ReadonlySet<string> = messageTypes.hostToLogic;

/**
 * The host's switchboard between the logic worker and the page frames. Every message is
 * validated against the protocol's schema and its direction on arrival; a view frame may
 * speak only for the instances it renders (its page and the components it attached), so a
 * compromised frame cannot drive another page.
 */
export class Bridge {
  private readonly endpoints = new Map<string, ViewEndpoint>();
  /** Instance id → the page frame that owns it. */
  private readonly owners = new Map<string, ViewEndpoint>();
  private readonly pendingQueries = new Map<number, ViewEndpoint>();
  /** Queries asked for an instance no frame renders yet, by that instance. */
  private readonly waitingQueries = new Map<string, LogicToViewMessage[]>();
  /** Global component id → the id its frame knows it by. */
  private readonly localIds = new Map<string, string>();
  private stack: string[] = [];

  constructor(
    private readonly sendToLogic: (message: ViewToLogicMessage | HostToLogicMessage) => void,
    private readonly hooks: BridgeHooks,
  ) {}

  /** A message from the logic worker. */
  fromLogic(raw: unknown): void {
    const message = this.accept('logic', raw, LOGIC_TO_VIEW, LOGIC_TO_HOST);
    if (!message) return;
    if (LOGIC_TO_HOST.has(message.type)) {
      this.hooks.toHost(message as LogicToHostMessage);
      return;
    }
    this.hooks.observe?.(message as LogicToViewMessage);
    this.routeToView(message as LogicToViewMessage);
  }

  /** A message from a page frame. */
  fromView(endpoint: ViewEndpoint, raw: unknown): void {
    const accepted = this.accept('view', raw, VIEW_TO_LOGIC) as ViewToLogicMessage | undefined;
    if (!accepted) return;
    const message = this.globalise(endpoint, accepted);
    if (message.type === 'component.attach') {
      const owner = this.owners.get(message.instanceId);
      if ((owner && owner !== endpoint) || this.owners.get(message.ownerId) !== endpoint) {
        this.hooks.dropped(
          'view',
          `component.attach for ${message.instanceId} from a frame that does not own it`,
        );
        return;
      }
      this.owners.set(message.instanceId, endpoint);
      queueMicrotask(() => this.askWaiting(message.instanceId));
    } else if (message.type === 'query.result') {
      if (this.pendingQueries.get(message.queryId) !== endpoint) {
        this.hooks.dropped('view', `query.result ${message.queryId} from a frame that was not asked`);
        return;
      }
      this.pendingQueries.delete(message.queryId);
    } else if ('instanceId' in message && this.owners.get(message.instanceId) !== endpoint) {
      this.hooks.dropped(
        'view',
        `${message.type} for ${message.instanceId} from a frame that does not own it`,
      );
      return;
    }
    if (message.type === 'component.detach') {
      this.owners.delete(message.instanceId);
      this.localIds.delete(message.instanceId);
    }
    this.sendToLogic(message);
  }

  /** A message the host itself sends the logic (launch, navigation, capability results). */
  fromHost(message: HostToLogicMessage): void {
    const accepted = this.accept('host', message, HOST_TO_LOGIC) as HostToLogicMessage | undefined;
    if (accepted) this.sendToLogic(accepted);
  }

  /** Forgets every page (the logic restarted). */
  reset(): void {
    this.stack = [];
    this.localIds.clear();
    this.endpoints.clear();
    this.owners.clear();
    this.pendingQueries.clear();
    this.waitingQueries.clear();
  }

  private routeToView(message: LogicToViewMessage): void {
    switch (message.type) {
      case 'page.create': {
        const endpoint = this.hooks.pageCreated(message);
        this.endpoints.set(message.instanceId, endpoint);
        this.owners.set(message.instanceId, endpoint);
        endpoint.post(message);
        this.askWaiting(message.instanceId);
        return;
      }
      case 'page.navigate':
        this.stack = message.stack.map((entry) => entry.instanceId);
        this.hooks.navigated(message);
        return;
      case 'page.destroy': {
        const endpoint = this.endpoints.get(message.instanceId);
        this.endpoints.delete(message.instanceId);
        for (const [id, owner] of this.owners) if (owner === endpoint) this.owners.delete(id);
        endpoint?.post(message);
        this.hooks.pageDestroyed(message.instanceId);
        return;
      }
      case 'query.request': {
        const scope = message.requests.find((r) => r.scopeId)?.scopeId;
        const endpoint = (scope && this.owners.get(scope)) || this.topEndpoint();
        if (!endpoint) {
          // Asked in onLoad, before the page (or the component) reached its frame: answered
          // once it has. A query naming nothing is dropped, as there is nothing to wait for.
          if (scope) this.waitingQueries.set(scope, [...(this.waitingQueries.get(scope) ?? []), message]);
          else this.hooks.dropped('logic', `query.request ${message.queryId} with no page shown`);
          return;
        }
        this.pendingQueries.set(message.queryId, endpoint);
        endpoint.post({
          ...message,
          requests: message.requests.map((r) => (r.scopeId ? { ...r, scopeId: this.local(r.scopeId) } : r)),
        });
        return;
      }
      default: {
        const endpoint = this.owners.get(message.instanceId);
        if (endpoint) endpoint.post({ ...message, instanceId: this.local(message.instanceId) });
        else this.hooks.dropped('logic', `${message.type} for unknown instance ${message.instanceId}`);
      }
    }
  }

  /** Sends the queries that waited for `instanceId` to reach its frame. */
  private askWaiting(instanceId: string): void {
    const waiting = this.waitingQueries.get(instanceId);
    this.waitingQueries.delete(instanceId);
    for (const query of waiting ?? []) this.routeToView(query);
  }

  private topEndpoint(): ViewEndpoint | undefined {
    const top = this.stack.at(-1);
    return top ? this.endpoints.get(top) : undefined;
  }

  private local(id: string): string {
    return this.localIds.get(id) ?? id;
  }

  /**
   * Each page frame numbers its components from 1, so the bridge names them
   * `<page>.<local>` towards the logic: ids never collide across frames, and a frame can
   * only ever name components it attached itself.
   */
  private globalise(endpoint: ViewEndpoint, message: ViewToLogicMessage): ViewToLogicMessage {
    const global = (id: string) => {
      if (id === endpoint.pageId) return id;
      const name = `${endpoint.pageId}.${id}`;
      return message.type === 'component.attach' && id === message.instanceId
        ? name
        : this.localIds.has(name)
          ? name
          : `?${name}`;
    };
    if (message.type === 'component.attach') {
      const named = {
        ...message,
        instanceId: global(message.instanceId),
        ownerId: global(message.ownerId),
        parentId: global(message.parentId),
      };
      if (!this.owners.has(named.instanceId)) this.localIds.set(named.instanceId, message.instanceId);
      return named;
    }
    if ('instanceId' in message) return { ...message, instanceId: global(message.instanceId) };
    return message;
  }

  private accept(
    from: 'logic' | 'view' | 'host',
    raw: unknown,
    ...allowed: ReadonlySet<string>[]
  ): Message | undefined {
    const parsed = parseMessage(raw);
    if (!parsed.ok) {
      this.hooks.dropped(from, parsed.reason);
      return undefined;
    }
    if (!allowed.some((set) => set.has(parsed.message.type))) {
      this.hooks.dropped(from, `${parsed.message.type} may not come from the ${from}`);
      return undefined;
    }
    return parsed.message;
  }
}
