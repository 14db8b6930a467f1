package org.openhotline.shared.cluster;

/**
 * This node has just become the singletons' holder (cluster mode only): a hand-over, or its first hold, or a hold it
 * believed lost and renewed. Whatever lives in the holder's memory and is kept on record — the ACD's waiting chats,
 * for one — is rebuilt on it. Published by the lease keeper from a thread of its own, so a listener never delays a
 * renewal; a listener must be idempotent (the same node may take the lease again, and its memory may already be
 * whole). A single node never publishes it: it holds the lease from the start, and rebuilds at
 * {@code ApplicationReadyEvent}.
 */
public record SingletonLeaseTaken(String node, long epoch) {}
