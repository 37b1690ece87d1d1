"""The analytics JSON API's answers, for its OpenAPI description."""

from __future__ import annotations

from pydantic import BaseModel, Field


class StoreRow(BaseModel):
    store_id: str
    store: str
    ratings: int
    average_score: float | None
    score_1: int
    score_2: int
    score_3: int
    score_4: int
    flagged_misuse: int


class HeatCell(BaseModel):
    store_id: str
    hour: int
    ratings: int
    average_score: float | None


class MomentCell(BaseModel):
    day_of_week: int
    hour: int
    ratings: int
    average_score: float | None


class TrendRow(BaseModel):
    week: str
    ratings: int
    average_score: float | None
    sessions: int


class ReasonRow(BaseModel):
    reason: str
    label_fr: str
    label_en: str
    polarity: str | None
    ratings: int
    average_score: float | None


class FunnelRow(BaseModel):
    store_id: str
    store: str
    sessions: int
    searches: int
    zero_result_searches: int
    product_views: int
    orders: int


class ZeroResultRow(BaseModel):
    text: str
    searches: int
    stores: int


class ReservationRow(BaseModel):
    store_id: str
    store: str
    reserved: int
    held: int
    collected: int
    expired: int
    cancelled: int


class AlertRow(BaseModel):
    store_id: str = Field(description='the store asked for; "" for alerts for any store')
    store: str
    asked: int
    confirmed: int
    sent: int
    followed: int = Field(description="sent, then the same address ordered or reserved the "
                                      "variant within 7 days")
    follow_unknown: int = Field(description="sent, but an address retention erased leaves "
                                            "it unknown whether one followed")


class FiltersOut(BaseModel):
    start: str
    end: str
    store_id: str | None
    include_misuse: bool


class DashboardOut(BaseModel):
    filters: FiltersOut
    stores: list[StoreRow]
    heatmap: list[HeatCell]
    moments: list[MomentCell]
    moment_min_ratings: int
    best_moments: list[MomentCell]
    worst_moments: list[MomentCell]
    trend: list[TrendRow]
    reasons: list[ReasonRow]
    funnel: list[FunnelRow]
    zero_results: list[ZeroResultRow]
    reservations: list[ReservationRow]
    alerts: list[AlertRow]
