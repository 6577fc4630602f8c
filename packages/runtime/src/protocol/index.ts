export * from './messages.ts';
export { type ParseResult, parseLogicInbound, parseMessage, parseViewInbound } from './parse-message.ts';
