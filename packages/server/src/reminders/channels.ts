// Reminder channels: how a message leaves Osteopad. E-mail today (emailChannel.ts); SMS or a portal inbox
// plug in by implementing ReminderChannel and being named in the registry the worker is given.

/** One message for one recipient, already worded in their language. */
export interface ReminderMessage {
  /** Stable per delivery (`<delivery-id@domain>`): a resend after a crash carries the same one. */
  readonly messageId: string;
  readonly to: string;
  readonly subject: string;
  readonly text: string;
  readonly language: string;
}

export interface ReminderChannel {
  /** The channel's name as stored on each delivery (`email`). */
  readonly name: string;
  /**
   * Delivers the message to the channel's provider (for e-mail: the SMTP server accepted it). Resolves
   * with the provider's id of the message; rejects when it was not accepted.
   */
  send(message: ReminderMessage): Promise<{ providerMessageId: string }>;
  close?(): void;
}

/** The channels a worker sends through, by name; a channel that is not configured is absent. */
export type ChannelRegistry = ReadonlyMap<string, ReminderChannel>;

export function channelRegistry(channels: readonly ReminderChannel[]): ChannelRegistry {
  return new Map(channels.map((c) => [c.name, c]));
}

/** The stable Message-ID of a delivery. */
export function messageIdOf(deliveryId: string, domain: string): string {
  return `<reminder.${deliveryId}@${domain}>`;
}
