/** Image files in and out: {@link jug.vision.io.Images} reads and writes PNG, JPEG, BMP, GIF and TIFF via ImageIO. */
package jug.vision.io;
