/**
 * Citizens' personal data at rest (GB/T 22239 level 3, 数据保密性): SM4-GCM sealing of phone numbers, names, ID
 * numbers and addresses, a keyed SM3 blind index for exact look-ups, sealed files for recordings and
 * attachments, and the data keys those use, kept outside the database (a 0600 key file in the data directory or
 * the environment). Modules declare which of their columns are sealed ({@link org.openhotline.shared.crypto.SealedColumns});
 * {@link org.openhotline.shared.crypto.Resealing} seals rows written before encryption and re-seals all rows after
 * a key rotation, in batches while the platform runs. The key ring is one per process: a second platform started in
 * the same JVM joins it rather than replacing it ({@link org.openhotline.shared.crypto.PersonalData#joined}). Why
 * SM4-GCM and how the keys rotate: ADR 041.
 */
package org.openhotline.shared.crypto;
