import { useTranslation } from 'react-i18next';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { InsightsReport } from '../../main/api/index.js';

const height = 220;

/** Automated resolution and hand-off rate by day, and conversations by day. */
export function TrendCharts({ byDay }: { byDay: InsightsReport['byDay'] }) {
  const { t } = useTranslation();
  const data = byDay.map((d) => ({
    day: d.day,
    automated: Math.round(d.automatedResolution * 1000) / 10,
    handoff: Math.round(d.handoffRate * 1000) / 10,
    conversations: d.conversations,
  }));
  return (
    <div className="insights-charts">
      <figure className="insights-chart" data-testid="chart-trend">
        <figcaption>{t('insights.charts.trend')}</figcaption>
        <ResponsiveContainer width="100%" height={height}>
          <LineChart data={data} margin={{ top: 8, right: 16, bottom: 0, left: -8 }}>
            <CartesianGrid strokeDasharray="3 3" stroke="var(--border)" />
            <XAxis dataKey="day" fontSize={11} />
            <YAxis domain={[0, 100]} unit="%" fontSize={11} />
            <Tooltip />
            <Legend />
            <Line
              type="monotone"
              dataKey="automated"
              name={t('insights.charts.automated')}
              stroke="#2b8a3e"
              isAnimationActive={false}
            />
            <Line
              type="monotone"
              dataKey="handoff"
              name={t('insights.charts.handoff')}
              stroke="#c92a2a"
              isAnimationActive={false}
            />
          </LineChart>
        </ResponsiveContainer>
      </figure>
      <figure className="insights-chart" data-testid="chart-volume">
        <figcaption>{t('insights.charts.volume')}</figcaption>
        <ResponsiveContainer width="100%" height={height}>
          <BarChart data={data} margin={{ top: 8, right: 16, bottom: 0, left: -8 }}>
            <CartesianGrid strokeDasharray="3 3" stroke="var(--border)" />
            <XAxis dataKey="day" fontSize={11} />
            <YAxis allowDecimals={false} fontSize={11} />
            <Tooltip />
            <Bar
              dataKey="conversations"
              name={t('insights.charts.conversations')}
              fill="#3b5bdb"
              isAnimationActive={false}
            />
          </BarChart>
        </ResponsiveContainer>
      </figure>
    </div>
  );
}
