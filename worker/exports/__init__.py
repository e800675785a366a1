"""Incidents out of sahelwatch: GeoJSON for maps, ACLED-style CSV for analysts, Atom for feed readers."""
