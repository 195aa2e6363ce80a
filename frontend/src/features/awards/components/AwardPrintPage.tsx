import { ArrowLeftOutlined, PrinterOutlined } from '@ant-design/icons';
import { Alert, Button, Skeleton, Space } from 'antd';
import dayjs from 'dayjs';
import { Link, useParams } from 'react-router';
import { formatNumber } from '@/lib/format';
import { problemMessage } from '@/lib/problem';
import { useAward } from '../api/awards';
import './print.css';

/** "ngày 19 tháng 8 năm 2025", as administrative documents write dates. */
function longDate(iso: string) {
  const d = dayjs(iso);
  return `ngày ${d.format('DD')} tháng ${d.format('MM')} năm ${d.format('YYYY')}`;
}

/**
 * The list of recipients attached to a decision, laid out for A4 paper as administrative
 * documents are (NĐ 30/2020/NĐ-CP: Times New Roman, national motto header): printed from the
 * browser, or saved as PDF by its print dialog.
 */
export function AwardPrintPage() {
  const id = Number(useParams().id);
  const found = useAward(Number.isFinite(id) ? id : undefined);
  if (found.isError) return <Alert type="error" showIcon title={problemMessage(found.error)} />;
  if (!found.data) return <Skeleton active />;
  const a = found.data.award;
  const recipients = a.recipients ?? [];
  const collectives = recipients.filter((r) => r.kind === 'COLLECTIVE');
  const individuals = recipients.filter((r) => r.kind === 'INDIVIDUAL');
  return (
    <div className="print-sheet-wrap">
      <Space className="no-print" style={{ marginBottom: 16 }}>
        <Link to={`/khen-thuong/${a.id}`}>
          <Button icon={<ArrowLeftOutlined />}>Quay lại quyết định</Button>
        </Link>
        <Button type="primary" icon={<PrinterOutlined />} onClick={() => window.print()}>
          In
        </Button>
      </Space>
      <article className="print-sheet" aria-label="Danh sách in">
        <table className="doc-header">
          <tbody>
            <tr>
              <td>
                <div className="doc-org">{a.issuerName.toUpperCase()}</div>
                <div className="doc-rule" />
              </td>
              <td>
                <div className="doc-motto">CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</div>
                <div className="doc-motto-sub">Độc lập - Tự do - Hạnh phúc</div>
                <div className="doc-rule" />
              </td>
            </tr>
          </tbody>
        </table>
        <h1 className="doc-title">
          DANH SÁCH TẬP THỂ, CÁ NHÂN ĐƯỢC TẶNG {a.form.name.toUpperCase()}
        </h1>
        <p className="doc-subtitle">
          (Kèm theo Quyết định số {a.number} {longDate(a.decidedOn)} của {a.issuerName})
        </p>
        {collectives.length > 0 && (
          <>
            <h2>I. TẬP THỂ ({formatNumber(collectives.length)})</h2>
            <ol className="doc-list">
              {collectives.map((r) => (
                <li key={r.id}>
                  {r.name}
                  {r.model ? `, ${r.unitName}` : ''}
                </li>
              ))}
            </ol>
          </>
        )}
        {individuals.length > 0 && (
          <>
            <h2>
              {collectives.length > 0 ? 'II' : 'I'}. CÁ NHÂN ({formatNumber(individuals.length)})
            </h2>
            <table className="doc-table">
              <thead>
                <tr>
                  <th style={{ width: '8%' }}>TT</th>
                  <th style={{ width: '34%' }}>Họ và tên</th>
                  <th>Chức vụ, đơn vị</th>
                </tr>
              </thead>
              <tbody>
                {individuals.map((r, i) => (
                  <tr key={r.id}>
                    <td className="center">{i + 1}</td>
                    <td>{r.name}</td>
                    <td>{[r.position, r.unitName].filter(Boolean).join(', ')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        )}
        <p className="doc-total">
          Danh sách này có {formatNumber(collectives.length)} tập thể và{' '}
          {formatNumber(individuals.length)} cá nhân./.
        </p>
      </article>
    </div>
  );
}
