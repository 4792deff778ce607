package io.marginsim.market;

/**
 * Student-t innovations scaled to unit variance as a normal mixture: {@code u = z sqrt((nu - 2) / W)} with
 * {@code W ~ chi-square(nu)} independent of {@code z}, since {@code z sqrt(nu / W)} is t with variance
 * {@code nu / (nu - 2)}. Sharing one {@code W} among correlated normals gives the multivariate t, whose copula is
 * the t copula (Demarta and McNeil 2005): its tail dependence makes assets crash together.
 */
public final class StudentMixing {
    private final double dof;
    private final ChiSquare chiSquare;
    private final int stream;

    public StudentMixing(double dof, int stream) {
        this.dof = dof;
        this.chiSquare = new ChiSquare(dof);
        this.stream = stream;
    }

    /** The factor {@code sqrt((nu - 2) / W)} multiplying the normals of one (step, path). */
    public double factor(long seed, int step, long path) {
        return Math.sqrt((dof - 2) / chiSquare.sample(seed, step, path, stream));
    }
}
