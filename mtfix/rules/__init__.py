"""Rule packs (data), the engine that runs them and the detectors they name."""
