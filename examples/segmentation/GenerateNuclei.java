import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import jug.vision.Border;
import jug.vision.GrayF64;
import jug.vision.GrayU16;
import jug.vision.GrayU8;
import jug.vision.filter.Filters;
import jug.vision.io.Images;

/**
 * Writes synthetic fluorescence micrographs of nuclei and their exact segmentations, deterministically: the same
 * arguments always give the same files. Each image has elliptical nuclei of varied size, shape, brightness and inner
 * texture, some of them touching, blurred by the microscope's point-spread function, over an uneven background, with
 * shot and read noise. The reference is a 16-bit label image: 0 for background, 1..n for the nuclei.
 *
 * <pre>
 * scripts/generate-nuclei [--size 320] [--count 16] [--seed 2026] [--out examples/segmentation]
 * </pre>
 *
 * writes {@code OUT/images/nuclei-NN.png} (8-bit grey) and {@code OUT/references/nuclei-NN.png}.
 */
public class GenerateNuclei {
    record Nucleus(double row, double col, double a, double b, double angle, double brightness, double[] texture) {
        /** Squared elliptical radius of a pixel: below 1 inside. */
        double radius2(double r, double c) {
            double dr = r - row;
            double dc = c - col;
            double u = dr * Math.cos(angle) + dc * Math.sin(angle);
            double v = -dr * Math.sin(angle) + dc * Math.cos(angle);
            return (u * u) / (a * a) + (v * v) / (b * b);
        }

        double extent() {
            return Math.max(a, b);
        }
    }

    public static void main(String[] args) throws IOException {
        int size = 320;
        int count = 16;
        long seed = 2026;
        Path out = Path.of("examples/segmentation");
        for (int i = 0; i < args.length; i += 2) {
            String value = i + 1 < args.length ? args[i + 1] : "";
            switch (args[i]) {
                case "--size" -> size = Integer.parseInt(value);
                case "--count" -> count = Integer.parseInt(value);
                case "--seed" -> seed = Long.parseLong(value);
                case "--out" -> out = Path.of(value);
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + "; use --size N --count N --seed N --out DIR");
            }
        }
        Files.createDirectories(out.resolve("images"));
        Files.createDirectories(out.resolve("references"));
        for (int k = 1; k <= count; k++) {
            Random random = new Random((seed * 1_000 + k) * 0x9E3779B97F4A7C15L); // spread close seeds apart
            List<Nucleus> nuclei = place(size, random);
            String name = String.format("nuclei-%02d.png", k);
            Images.imsave(out.resolve("images").resolve(name), render(size, nuclei, random));
            Images.imsave(out.resolve("references").resolve(name), labels(size, nuclei));
            System.out.println(name + ": " + nuclei.size() + " nuclei");
        }
    }

    /** Places about one nucleus per 1,800 pixels (60 to 140 % of that); a third of them touch a neighbour. */
    static List<Nucleus> place(int size, Random random) {
        List<Nucleus> nuclei = new ArrayList<>();
        int wanted = Math.max(3, (int) (size * size / 1800 * (0.6 + 0.8 * random.nextDouble())));
        for (int attempt = 0; attempt < wanted * 30 && nuclei.size() < wanted; attempt++) {
            double a = 7 + 6 * random.nextDouble();
            double b = a / (1 + 0.6 * random.nextDouble());
            double angle = Math.PI * random.nextDouble();
            double row;
            double col;
            if (!nuclei.isEmpty() && random.nextDouble() < 0.33) {
                Nucleus near = nuclei.get(random.nextInt(nuclei.size()));
                double direction = 2 * Math.PI * random.nextDouble();
                double distance = 0.92 * (near.extent() + Math.max(a, b));
                row = near.row + distance * Math.sin(direction);
                col = near.col + distance * Math.cos(direction);
            } else {
                row = 15 + (size - 30) * random.nextDouble();
                col = 15 + (size - 30) * random.nextDouble();
            }
            if (row < 8 || col < 8 || row > size - 8 || col > size - 8) {
                continue;
            }
            double[] texture = {random.nextDouble() * 2 * Math.PI, random.nextDouble() * 2 * Math.PI,
                    0.25 + 0.25 * random.nextDouble()};
            Nucleus candidate = new Nucleus(row, col, a, b, angle, 80 + 110 * random.nextDouble(), texture);
            if (fits(candidate, nuclei)) {
                nuclei.add(candidate);
            }
        }
        return nuclei;
    }

    private static boolean fits(Nucleus n, List<Nucleus> others) {
        for (Nucleus o : others) {
            double d = Math.hypot(n.row - o.row, n.col - o.col);
            if (d < 0.9 * (n.extent() + o.extent())) {
                return false;
            }
        }
        return true;
    }

    /** The micrograph: nuclei with soft edges and texture, blurred, over an uneven background, with noise. */
    static GrayU8 render(int size, List<Nucleus> nuclei, Random random) {
        GrayF64 signal = new GrayF64(size, size);
        double[] s = signal.data();
        for (Nucleus n : nuclei) {
            int r0 = Math.max(0, (int) (n.row - n.extent() - 3));
            int r1 = Math.min(size - 1, (int) (n.row + n.extent() + 3));
            int c0 = Math.max(0, (int) (n.col - n.extent() - 3));
            int c1 = Math.min(size - 1, (int) (n.col + n.extent() + 3));
            for (int r = r0; r <= r1; r++) {
                for (int c = c0; c <= c1; c++) {
                    double d = Math.sqrt(n.radius2(r, c));
                    double edge = Math.min(1, Math.max(0, (1.08 - d) / 0.16)); // a soft rim, about a pixel wide
                    if (edge > 0) {
                        double texture = 1 + 0.15 * Math.sin(r * n.texture[2] + n.texture[0])
                                * Math.cos(c * n.texture[2] + n.texture[1]);
                        s[r * size + c] = Math.max(s[r * size + c], n.brightness * texture * edge);
                    }
                }
            }
        }
        GrayF64 blurred = (GrayF64) Filters.gaussian(signal, 1.2, Border.REFLECT);
        double[] f = blurred.data();
        byte[] out = new byte[size * size];
        double tilt = random.nextDouble() * 2 * Math.PI;
        for (int r = 0; r < size; r++) {
            for (int c = 0; c < size; c++) {
                double x = (double) c / size;
                double y = (double) r / size;
                double background = 20 + 55 * (x * Math.cos(tilt) + y * Math.sin(tilt) + 1) / 2
                        + 15 * Math.sin(3.1 * x + 1.7) * Math.cos(2.3 * y + tilt);
                double value = f[r * size + c] + background;
                double noisy = value + Math.sqrt(value) * random.nextGaussian() + 4 * random.nextGaussian();
                out[r * size + c] = (byte) Math.max(0, Math.min(255, Math.round(noisy)));
            }
        }
        return new GrayU8(size, size, out);
    }

    /** The exact segmentation: the pixels inside each ellipse, labelled in placement order. */
    static GrayU16 labels(int size, List<Nucleus> nuclei) {
        GrayU16 labels = new GrayU16(size, size);
        short[] l = labels.data();
        for (int k = 0; k < nuclei.size(); k++) {
            Nucleus n = nuclei.get(k);
            for (int r = Math.max(0, (int) (n.row - n.extent() - 1)); r <= Math.min(size - 1, n.row + n.extent() + 1); r++) {
                for (int c = Math.max(0, (int) (n.col - n.extent() - 1)); c <= Math.min(size - 1, n.col + n.extent() + 1); c++) {
                    if (l[r * size + c] == 0 && n.radius2(r, c) < 1) {
                        l[r * size + c] = (short) (k + 1);
                    }
                }
            }
        }
        return labels;
    }
}
