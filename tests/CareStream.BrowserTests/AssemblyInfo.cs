// One host and one browser at a time: two of each on a 2-core machine make "updates within seconds" flaky.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
