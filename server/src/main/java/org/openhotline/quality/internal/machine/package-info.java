/**
 * Machine inspection (智能质检) of every recorded call: {@code acoustic/} turns the stereo recording into speech
 * segments, syllable nuclei and loudness per side; {@code rules/} holds the editable rules (acoustic, call-record) and
 * their settings; {@code text/} the transcripts and the text rules; {@code asr/} the speech-recognition adapters.
 * This folder ties them together: the listener on the call center's {@code CallRecorded}, the analysis of one call,
 * the flags with the inspectors' decisions, and re-runs. Kept apart from manual inspection (templates, sampling,
 * workbench), which reads these flags.
 */
package org.openhotline.quality.internal.machine;
