package io.keliu.profile.refits;

/** Why a refit could not produce results, in words a marketer can act on; the previous results stay. */
public class RefitFailure extends RuntimeException {
    public RefitFailure(String reason) {
        super(reason);
    }
}
