/**
 * Operations (运维): the live health of every part of the platform (database, disks, SIP trunks, phones, RTP ports,
 * the event-publication backlog, the exchange and SMS queues, certificates), sampled every minute for trend charts;
 * alarm rules over those measures, raised and cleared by themselves and sent to the console, e-mail, webhooks and SMS;
 * scheduled base backups with WAL archiving (point-in-time recovery) and recordings backups; the daily inspection
 * report and the weekly analysis (.docx). Owns the {@code ops_*} tables. It reads other modules' health only through
 * the small read-only interfaces they publish for it ({@code callcenter.TelephonyHealth},
 * {@code exchange.ExchangeQueue}, {@code notification.SmsQueue}, which also queues alarm SMS), and the database files
 * through {@link org.openhotline.operations.DatabaseFiles}, which the platform's database configuration provides.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Operations",
        allowedDependencies = {"callcenter", "exchange", "notification", "shared"})
package org.openhotline.operations;
