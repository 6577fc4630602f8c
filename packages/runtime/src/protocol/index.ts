export * from './messages.ts';
export {
  messageTypes,
  type ParseResult,
  parseLogicInbound,
  parseMessage,
  parseViewInbound,
} from './parse-message.ts';
