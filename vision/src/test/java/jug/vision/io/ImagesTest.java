package jug.vision.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;
import jug.vision.Convert;
import jug.vision.DType;
import jug.vision.GrayF32;
import jug.vision.GrayF64;
import jug.vision.GrayImage;
import jug.vision.GrayS32;
import jug.vision.GrayU16;
import jug.vision.GrayU8;
import jug.vision.Npy;
import jug.vision.Planar;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImagesTest {
    @TempDir
    Path dir;

    private static final Random RANDOM = new Random(3);

    /** A random image of the type, with values that span the type's range (and negatives and fractions for floats). */
    static GrayImage random(DType dtype, int height, int width) {
        GrayImage img = GrayImage.zeros(dtype, height, width);
        for (int r = 0; r < height; r++) {
            for (int c = 0; c < width; c++) {
                switch (dtype) {
                    case U8 -> ((GrayU8) img).set(r, c, RANDOM.nextInt(256));
                    case U16 -> ((GrayU16) img).set(r, c, RANDOM.nextInt(65536));
                    case S32 -> ((GrayS32) img).set(r, c, RANDOM.nextInt());
                    case F32 -> ((GrayF32) img).set(r, c, (float) (RANDOM.nextGaussian() * 1e4));
                    case F64 -> ((GrayF64) img).set(r, c, RANDOM.nextGaussian() * 1e-3);
                }
            }
        }
        return img;
    }

    static Planar<GrayImage> randomPlanar(DType dtype, int bands, int height, int width) {
        List<GrayImage> list = new ArrayList<>();
        for (int b = 0; b < bands; b++) {
            list.add(random(dtype, height, width));
        }
        return Planar.of(list);
    }

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(ImagesTest.class.getResource("/jug/vision/io/" + name).toURI());
    }

    @Test
    void readsPngAndTiffFilesWrittenWithoutImageIoExactly() throws Exception {
        Map<String, Npy.Array> ref = Npy.resourceArchive("/jug/vision/io/io.npz");
        Map<String, Map<Integer, List<GrayImage>>> files = new TreeMap<>();
        for (Map.Entry<String, Npy.Array> e : ref.entrySet()) {
            String[] parts = e.getKey().split("_p|_b");
            String file = e.getKey().substring(0, e.getKey().lastIndexOf("_p"));
            int page = Integer.parseInt(parts[parts.length - 2]);
            files.computeIfAbsent(file, f -> new TreeMap<>()).computeIfAbsent(page, p -> new ArrayList<>())
                    .add(e.getValue().toImage());
        }
        assertThat(files).hasSize(15);
        for (Map.Entry<String, Map<Integer, List<GrayImage>>> f : files.entrySet()) {
            List<Picture> pages = Images.readPages(resource(f.getKey()));
            assertThat(pages).as(f.getKey()).hasSize(f.getValue().size());
            for (int p = 0; p < pages.size(); p++) {
                List<GrayImage> want = f.getValue().get(p);
                assertThat(pages.get(p).planar().bands()).as(f.getKey() + " page " + p).isEqualTo(want);
                assertThat(pages.get(p) instanceof Picture.Grey).isEqualTo(want.size() == 1);
            }
        }
    }

    @Test
    void readsFloatStacksAndSignedTiffInTheirOwnTypes() throws Exception {
        List<GrayImage> stack = Images.readStack(resource("stack_f32_le.tif"));
        assertThat(stack).hasSize(2).allSatisfy(p -> assertThat(p.dtype()).isEqualTo(DType.F32));
        assertThat(((GrayF32) stack.get(0)).get(0, 0)).isEqualTo(-1.5f);
        assertThat(((GrayF32) stack.get(0)).get(0, 2)).isEqualTo(1e-30f);
        assertThat(Images.readGrey(resource("s16.tif")).dtype()).isEqualTo(DType.S32);
        assertThat(Images.readGrey(resource("f64_be.tif")).dtype()).isEqualTo(DType.F64);
        assertThat(Images.readGrey(resource("u16_be.tif")).getAsDouble(0, 0)).isEqualTo(0x0102);
        assertThat(Images.readGrey(resource("bits1.png")).dtype()).isEqualTo(DType.U8);
    }

    @Test
    void losslessFormatsRoundTripEveryTypeAndBandCountThatTheyHold() throws IOException {
        record Case(String ext, DType dtype, int bands) {
        }
        List<Case> cases = new ArrayList<>();
        for (int bands = 1; bands <= 4; bands++) {
            for (DType t : List.of(DType.U8, DType.U16)) {
                cases.add(new Case("png", t, bands));
            }
            for (DType t : DType.values()) {
                cases.add(new Case("tif", t, bands));
            }
        }
        cases.addAll(List.of(new Case("bmp", DType.U8, 1), new Case("bmp", DType.U8, 3), new Case("gif", DType.U8, 1),
                new Case("tiff", DType.U16, 1), new Case("PNG", DType.U8, 1)));
        int[][] shapes = {{1, 7}, {7, 1}, {5, 9}, {33, 20}};
        for (Case c : cases) {
            for (int[] shape : shapes) {
                Planar<GrayImage> img = randomPlanar(c.dtype(), c.bands(), shape[0], shape[1]);
                Path file = dir.resolve("rt." + c.ext());
                Images.imsave(file, img);
                Picture back = Images.imread(file);
                assertThat(back.planar().bands()).as(c + " " + shape[0] + "×" + shape[1]).isEqualTo(img.bands());
                assertThat(back.bandCount()).isEqualTo(c.bands());
            }
        }
    }

    @Test
    void gifHoldsRgbExactlyUpTo256ColoursAndRefusesMore() throws IOException {
        for (int n : new int[] {256, 257}) {
            GrayU8[] rgb = {new GrayU8(1, n), new GrayU8(1, n), new GrayU8(1, n)};
            for (int i = 0; i < n; i++) {
                rgb[0].set(0, i, i % 256);
                rgb[1].set(0, i, i / 256 * 100);
                rgb[2].set(0, i, 255 - i % 256);
            }
            Path file = dir.resolve("colours" + n + ".gif");
            if (n == 256) {
                Images.imsave(file, Planar.of(rgb));
                assertThat(Images.imread(file).planar(GrayU8.class).bands()).containsExactly(rgb);
            } else {
                assertThatThrownBy(() -> Images.imsave(file, Planar.of(rgb))).isInstanceOf(ImageFileException.class)
                        .hasMessage(file + ": GIF holds at most 256 colours, the image has 257; write PNG");
            }
        }
    }

    @Test
    void jpegRoundTripsWithinTheLossOfCompression() throws IOException {
        int h = 40;
        int w = 50;
        GrayU8[] bands = new GrayU8[3];
        for (int b = 0; b < 3; b++) {
            bands[b] = new GrayU8(h, w);
            for (int r = 0; r < h; r++) {
                for (int c = 0; c < w; c++) {
                    bands[b].set(r, c, (int) (128 + 100 * Math.sin(r * 0.15 + b) * Math.cos(c * 0.1)));
                }
            }
        }
        for (Planar<GrayU8> img : List.of(Planar.of(bands), Planar.of(bands[1]))) {
            for (String ext : List.of("jpg", "jpeg")) {
                Path file = dir.resolve("photo." + ext);
                Images.imsave(file, img);
                Planar<GrayU8> back = Images.imread(file).planar(GrayU8.class);
                assertThat(back.bandCount()).isEqualTo(img.bandCount());
                double sum = 0;
                int worst = 0;
                for (int b = 0; b < img.bandCount(); b++) {
                    for (int i = 0; i < h * w; i++) {
                        int d = Math.abs((img.band(b).data()[i] & 0xFF) - (back.band(b).data()[i] & 0xFF));
                        sum += d;
                        worst = Math.max(worst, d);
                    }
                }
                assertThat(sum / (h * w * img.bandCount())).as(ext + " mean error").isLessThan(3.0);
                assertThat(worst).as(ext + " worst error").isLessThan(40);
            }
        }
    }

    @Test
    void formatsRefuseImagesTheyCannotHoldAndNameTheFile() {
        Object[][] refusals = {
            {"a.gif", Planar.of(random(DType.U16, 3, 3)), "GIF holds 8-bit grey or RGB with at most 256 colours only, not uint16 grey (the JDK would squash it to 8 bits); write PNG or TIFF"},
            {"a.png", Planar.of(random(DType.F32, 3, 3)), "PNG holds uint8 and uint16 pixels only, not float32 grey; write TIFF, or convert with Convert.toU16 or Convert.stretch"},
            {"a.jpg", randomPlanar(DType.U8, 4, 3, 3), "JPEG holds 8-bit grey or RGB only, not uint8 RGBA; write PNG or TIFF"},
            {"a.bmp", Planar.of(random(DType.U16, 3, 3)), "BMP holds 8-bit grey or RGB only, not uint16 grey; write PNG or TIFF"},
        };
        for (Object[] r : refusals) {
            Path file = dir.resolve((String) r[0]);
            @SuppressWarnings("unchecked")
            Planar<GrayImage> img = (Planar<GrayImage>) r[1];
            assertThatThrownBy(() -> Images.imsave(file, img)).isInstanceOf(ImageFileException.class)
                    .hasMessage(file + ": " + r[2])
                    .satisfies(e -> assertThat(((ImageFileException) e).file()).isEqualTo(file));
            assertThat(file).doesNotExist();
        }
        assertThatThrownBy(() -> Images.imsave(dir.resolve("a.tif"), randomPlanar(DType.U8, 5, 3, 3)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a colour picture has 2 to 4 bands, not 5; wrap a single band as Picture.Grey");
    }

    @Test
    void multiPageTiffKeepsEveryPageInOrder() throws IOException {
        List<GrayImage> pages = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            pages.add(random(DType.U16, 12, 9));
        }
        Path file = dir.resolve("stack.tif");
        Images.writeStack(file, pages);
        assertThat(Images.readStack(file)).isEqualTo(pages);
        assertThat(Images.imread(file).grey()).isEqualTo(pages.get(0));
        List<Picture> mixed = List.of(Picture.of(random(DType.F32, 4, 5)), Picture.of(randomPlanar(DType.U8, 3, 6, 2)));
        Images.writePages(dir.resolve("mixed.tiff"), mixed);
        assertThat(Images.readPages(dir.resolve("mixed.tiff"))).isEqualTo(mixed);
    }

    @Test
    void singleImageFormatsRefuseSeveralPagesAndReadAsOnePage() throws IOException {
        List<GrayImage> pages = List.of(random(DType.U8, 2, 2), random(DType.U8, 2, 2));
        Path png = dir.resolve("pages.png");
        assertThatThrownBy(() -> Images.writeStack(png, pages)).isInstanceOf(ImageFileException.class)
                .hasMessage(png + ": PNG holds one image per file, and 2 pages were given; write them to a .tif file,"
                        + " or one file per page");
        Images.imsave(png, pages.get(0));
        assertThat(Images.readStack(png)).containsExactly(pages.get(0));
        assertThatThrownBy(() -> Images.writeStack(dir.resolve("none.tif"), List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageEndingWith("none.tif: no pages to write");
    }

    @Test
    void readGreyGivesGreyFilesAsStoredAndColourAsMahotasLuminance() throws IOException {
        GrayImage grey = random(DType.U16, 6, 7);
        Images.imsave(dir.resolve("g.png"), grey);
        assertThat(Images.readGrey(dir.resolve("g.png"))).isEqualTo(grey);
        Planar<GrayImage> rgb = randomPlanar(DType.U8, 3, 6, 7);
        Images.imsave(dir.resolve("c.png"), rgb);
        assertThat(Images.readGrey(dir.resolve("c.png"))).isEqualTo(Convert.rgbToGrey(rgb));
        Planar<GrayImage> greyAlpha = randomPlanar(DType.U8, 2, 3, 3);
        Images.imsave(dir.resolve("ga.png"), greyAlpha);
        Picture back = Images.imread(dir.resolve("ga.png"));
        assertThat(back.hasAlpha()).isTrue();
        assertThat(back.grey()).isEqualTo(greyAlpha.band(0));
    }

    @Test
    void savingACropViewWritesOnlyTheView() throws IOException {
        GrayU8 big = (GrayU8) random(DType.U8, 10, 10);
        GrayU8 view = big.crop(2, 3, 4, 5);
        Images.imsave(dir.resolve("view.png"), view);
        assertThat(Images.readGrey(dir.resolve("view.png"))).isEqualTo(view.copy());
    }

    @Test
    void writingReplacesAnExistingFileAndLeavesNoTemporaryFiles() throws IOException {
        Path file = dir.resolve("out.png");
        Files.writeString(file, "old");
        GrayImage img = random(DType.U8, 3, 4);
        Images.imsave(file, img);
        assertThat(Images.readGrey(file)).isEqualTo(img);
        assertThatThrownBy(() -> Images.imsave(dir.resolve("bad.png"), random(DType.F64, 2, 2)))
                .isInstanceOf(ImageFileException.class);
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("out.png");
        }
    }

    @Test
    void brokenAndMisnamedFilesRaiseErrorsNamingTheFileAndTheReason() throws IOException {
        Path good = dir.resolve("good.png");
        Images.imsave(good, random(DType.U8, 64, 64));
        byte[] bytes = Files.readAllBytes(good);
        Path truncated = dir.resolve("truncated.png");
        Files.write(truncated, Arrays.copyOf(bytes, bytes.length / 2));
        assertThatThrownBy(() -> Images.imread(truncated)).isInstanceOf(ImageFileException.class)
                .hasMessage(truncated + ": truncated PNG: the IDAT chunk is cut short");
        byte[] flipped = bytes.clone();
        flipped[bytes.length / 2] ^= 0x40;
        Path damaged = dir.resolve("damaged.png");
        Files.write(damaged, flipped);
        assertThatThrownBy(() -> Images.imread(damaged)).isInstanceOf(ImageFileException.class)
                .hasMessage(damaged + ": corrupt PNG: the IDAT chunk fails its checksum");

        Path text = dir.resolve("notes.png");
        Files.writeString(text, "these are my notes, not a picture\n");
        assertThatThrownBy(() -> Images.imread(text)).isInstanceOf(ImageFileException.class)
                .hasMessage(text + ": not a PNG file (no JDK reader recognises its content)");

        Path jpeg = dir.resolve("photo.jpg");
        Images.imsave(jpeg, random(DType.U8, 64, 64));
        Path misnamed = dir.resolve("photo.png");
        Files.copy(jpeg, misnamed);
        assertThatThrownBy(() -> Images.imread(misnamed)).isInstanceOf(ImageFileException.class)
                .hasMessage(misnamed + ": not a PNG file (its content is JPEG; rename it with the matching extension)");

        byte[] jpegBytes = Files.readAllBytes(jpeg);
        Path cut = dir.resolve("cut.jpg");
        Files.write(cut, Arrays.copyOf(jpegBytes, jpegBytes.length * 2 / 3));
        assertThatThrownBy(() -> Images.imread(cut)).isInstanceOf(ImageFileException.class)
                .hasMessageStartingWith(cut + ": corrupt or truncated JPEG: ");

        Path cutTiff = dir.resolve("cut.tif");
        Images.imsave(cutTiff, random(DType.F32, 30, 30));
        byte[] tiffBytes = Files.readAllBytes(cutTiff);
        Files.write(cutTiff, Arrays.copyOf(tiffBytes, tiffBytes.length / 2));
        assertThatThrownBy(() -> Images.readStack(cutTiff)).isInstanceOf(ImageFileException.class)
                .hasMessageStartingWith(cutTiff + ": cannot decode TIFF");
    }

    @Test
    void unknownExtensionsMissingFilesAndDirectoriesAreRefused() throws IOException {
        Path xyz = dir.resolve("image.xyz");
        Files.writeString(xyz, "x");
        String known = "use .png, .jpg, .jpeg, .bmp, .gif, .tif or .tiff";
        assertThatThrownBy(() -> Images.imread(xyz)).isInstanceOf(ImageFileException.class)
                .hasMessage(xyz + ": unknown image extension '.xyz'; " + known);
        assertThatThrownBy(() -> Images.imsave(dir.resolve("out.webp"), new GrayU8(2, 2)))
                .hasMessage(dir.resolve("out.webp") + ": unknown image extension '.webp'; " + known);
        assertThatThrownBy(() -> Images.imsave(dir.resolve("README"), new GrayU8(2, 2)))
                .hasMessage(dir.resolve("README") + ": no file extension to choose an image format by; " + known);
        Path missing = dir.resolve("missing.png");
        assertThatThrownBy(() -> Images.imread(missing)).isInstanceOf(NoSuchFileException.class)
                .hasMessage(missing + ": no such file");
        Path folder = Files.createDirectory(dir.resolve("folder.png"));
        assertThatThrownBy(() -> Images.imread(folder)).isInstanceOf(ImageFileException.class)
                .hasMessage(folder + ": is a directory, not an image file");
        Path nowhere = dir.resolve("no/such/dir/out.png");
        assertThatThrownBy(() -> Images.imsave(nowhere, new GrayU8(2, 2))).isInstanceOf(NoSuchFileException.class)
                .hasMessageContaining("no such directory to write out.png");
    }

    @Test
    void pictureTypedAccessChecksTheBandType() throws IOException {
        Planar<GrayImage> rgb = randomPlanar(DType.U16, 3, 2, 3);
        Images.imsave(dir.resolve("wide.png"), rgb);
        Picture p = Images.imread(dir.resolve("wide.png"));
        assertThat(p).isInstanceOf(Picture.Colour.class);
        assertThat(p.planar(GrayU16.class).band(2)).isEqualTo(rgb.band(2));
        assertThat(p.dtype()).isEqualTo(DType.U16);
        assertThat(p.height()).isEqualTo(2);
        assertThat(p.width()).isEqualTo(3);
        assertThat(p.hasAlpha()).isFalse();
        assertThatThrownBy(() -> p.planar(GrayU8.class)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the picture's bands are uint16 (GrayU16), not GrayU8; convert them with Convert.to");
        assertThatThrownBy(() -> new Picture.Colour(Planar.of(new GrayU8(1, 1))))
                .hasMessageStartingWith("a colour picture has 2 to 4 bands, not 1");
    }
}
