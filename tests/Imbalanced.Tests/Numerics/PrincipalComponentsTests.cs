using Imbalanced.Numerics;

namespace Imbalanced.Tests.Numerics;

public class PrincipalComponentsTests
{
    private static readonly double[] Matrix =
    [
        2.5, 2.4, 0.5, 0.5, 0.7, 1.9, 2.2, 2.9, 0.1, 1.9, 2.2, 1.3, 3.1, 3.0, 0.8,
        2.3, 2.7, 2.2, 2.0, 1.6, 0.4, 1.0, 1.1, 1.7, 1.5, 1.6, 0.9, 1.1, 0.9, 1.2,
    ];

    // Obtained with /usr/bin/python3 (scikit-learn 1.2.1, NumPy 1.24.2):
    //   Z = StandardScaler().fit_transform(X)   # X: Matrix above, 10 rows × 3 columns
    //   S = PCA(n_components=2, svd_solver='full').fit(Z).transform(Z)
    // each component's sign flipped so that its largest-magnitude loading is positive.
    private static readonly double[] Reference =
    [
        1.385084111553887, -0.364564144274564,
        -2.616558081756370, 0.094282937817381,
        1.785485981100483, -0.770808387374898,
        0.167263903332161, 0.441369147307631,
        2.166473726823227, 0.526675760815510,
        0.290436913513801, 2.041807093674834,
        0.399061730682957, -1.045002568073960,
        -1.737438287716249, 0.173048796422006,
        -0.373155476526354, -0.522095861483814,
        -1.466654521007543, -0.574712774830127,
    ];

    [Fact]
    public void Scores_match_scikit_learns_pca_of_the_standardised_columns_up_to_sign()
    {
        var scores = PrincipalComponents.Scores(Matrix, 10, 3, 2);

        Assert.Equal(20, scores.Length);
        for (var c = 0; c < 2; c++)
        {
            // The sign of a component is arbitrary: align each with the reference on row 0 (far from zero).
            var sign = Math.Sign(scores[c]) == Math.Sign(Reference[c]) ? 1 : -1;
            for (var i = 0; i < 10; i++) Assert.Equal(Reference[i * 2 + c], sign * scores[i * 2 + c], 1e-9);
        }
    }

    [Fact]
    public void Components_beyond_the_columns_score_zero()
    {
        var scores = PrincipalComponents.Scores([1.0, 2.0, 4.0], 3, 1, 2);

        Assert.Equal([0.0, 0.0, 0.0], [scores[1], scores[3], scores[5]]);
        Assert.Equal(0, scores[0] + scores[2] + scores[4], 12);
    }
}
