package dev.spinlab.machine;

import java.util.SplittableRandom;

/** Choices drawn from a seeded generator: the same seed gives the same run, always. */
public final class SeededChoices implements ChoiceSource {
    private final SplittableRandom random;

    public SeededChoices(long seed) {
        this.random = new SplittableRandom(seed);
    }

    @Override
    public int choose(int n) {
        return n <= 1 ? 0 : random.nextInt(n);
    }
}
