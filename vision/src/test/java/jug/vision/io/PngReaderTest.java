package jug.vision.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.awt.image.WritableRaster;
import java.nio.file.Path;
import java.util.Random;
import javax.imageio.ImageIO;
import jug.vision.GrayImage;
import jug.vision.Planar;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The fast PNG path reads what the JDK's writer writes (which uses every row filter) exactly. */
class PngReaderTest {
    @TempDir
    Path dir;

    private static BufferedImage picture(int type, int bands, int max) {
        BufferedImage image = new BufferedImage(53, 41, type);
        WritableRaster raster = image.getRaster();
        Random random = new Random(5);
        for (int r = 0; r < 41; r++) {
            for (int c = 0; c < 53; c++) {
                for (int b = 0; b < bands; b++) {
                    // smooth areas, edges and noise, so that the writer picks different filters on different rows
                    int v = r < 14 ? (c * 7 + b * 40) % (max + 1) : r < 28 ? (c / 9 % 2) * max : random.nextInt(max + 1);
                    raster.setSample(c, r, b, v);
                }
            }
        }
        return image;
    }

    @Test
    void greyRgbAndSixteenBitFilesReadBackSampleForSample() throws Exception {
        Object[][] kinds = {{BufferedImage.TYPE_BYTE_GRAY, 1, 255}, {BufferedImage.TYPE_USHORT_GRAY, 1, 65535},
                {BufferedImage.TYPE_3BYTE_BGR, 3, 255}, {BufferedImage.TYPE_4BYTE_ABGR, 4, 255}};
        for (Object[] kind : kinds) {
            int bands = (int) kind[1];
            BufferedImage written = picture((int) kind[0], bands, (int) kind[2]);
            Path file = dir.resolve("kind" + kind[0] + ".png");
            ImageIO.write(written, "png", file.toFile());
            Picture read = Images.imread(file);
            Planar<? extends GrayImage> planar = read.planar();
            assertThat(planar.bandCount()).isEqualTo(bands);
            for (int b = 0; b < bands; b++) {
                for (int r = 0; r < 41; r++) {
                    for (int c = 0; c < 53; c++) {
                        assertThat(planar.band(b).getAsDouble(r, c)).as("type %s band %d at (%d, %d)", kind[0], b, r, c)
                                .isEqualTo(written.getRaster().getSample(c, r, b));
                    }
                }
            }
        }
    }
}
