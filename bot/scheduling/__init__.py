"""Jobs that run on a clock: the weekly digest and the sweep for unsent alerts."""
