/**
 * The WeChat official account (微信公众号) callback: the URL check, plain and safe-mode (AES) messages, a short
 * keyword/menu-guided conversation that turns into an appeal (channel WECHAT) or answers a progress query, passive
 * replies within WeChat's 5 seconds (a retried message gets the reply it got the first time), and later messages
 * through the customer-service API with a cached access token. Owns the {@code ch_wechat_*} tables.
 */
package org.openhotline.channels.internal.wechat;
