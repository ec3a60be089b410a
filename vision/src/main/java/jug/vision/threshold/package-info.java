/** Threshold methods that split an image into foreground and background: {@link jug.vision.threshold.Thresholds}. */
package jug.vision.threshold;
